// Parses a request path into what it addresses: API group/version, namespace, resource, name, subresource.

export interface RequestInfo {
  /** True for /api/... and /apis/... resource paths; false for discovery, /version, /healthz... */
  isResource: boolean;
  /** "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection" */
  verb: string;
  apiPrefix: 'api' | 'apis' | '';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  /** Path segments after /api or /apis. */
  parts: string[];
}

const methodVerbs: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete', GET: 'get', HEAD: 'get' };

/**
 * Kubernetes' rules (apiserver request info): /api/v1/namespaces/{ns}/{resource}/{name}/{sub},
 * /apis/{group}/{version}/..., the legacy /watch/ prefix, and collection verbs.
 */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info: RequestInfo = {
    isResource: false, verb: (methodVerbs[method] ?? method.toLowerCase()), apiPrefix: '', group: '', version: '',
    namespace: '', resource: '', name: '', subresource: '', parts: [],
  };
  const segs = path.split('/').filter((s) => s !== '').map(decodeURIComponent);
  if (segs[0] !== 'api' && segs[0] !== 'apis') return info;
  info.apiPrefix = segs[0];
  let rest = segs.slice(1);
  if (info.apiPrefix === 'apis') {
    if (rest.length < 2) return info; // /apis, /apis/{group}: discovery
    info.group = rest[0];
    rest = rest.slice(1);
  } else if (rest.length < 1) {
    return info; // /api
  }
  info.version = rest[0];
  rest = rest.slice(1);
  info.parts = rest;
  if (rest.length === 0) return info; // group-version discovery
  info.isResource = true;
  if (rest[0] === 'watch') {
    info.verb = 'watch';
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    // /namespaces/{name}/status and /finalize are the namespace's own subresources.
    if (rest.length > 2 && rest[2] !== 'status' && rest[2] !== 'finalize') rest = rest.slice(2);
  }
  info.resource = rest[0] ?? '';
  info.name = rest[1] ?? '';
  info.subresource = rest.slice(2).join('/');
  if (info.resource === 'namespaces') info.namespace = '';
  if (!info.name) {
    if (info.verb === 'get') info.verb = query.get('watch') === 'true' || query.get('watch') === '1' ? 'watch' : 'list';
    else if (info.verb === 'delete') info.verb = 'deletecollection';
  } else if (info.verb === 'get' && (query.get('watch') === 'true' || query.get('watch') === '1')) {
    info.verb = 'watch';
  }
  return info;
}
