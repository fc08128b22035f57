// The API paths and operations of each resource (list, create, read, replace, patch, delete, watch, subresources), flavor-neutral.

import { allVerbs } from '../registry/catalog.ts';
import {
  attachParams, createParams, deleteCollectionParams, deleteParams, execParams, listParams, logParams, param, patchParams, type Param,
} from './params.ts';

export interface GVK {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** What the paths need to know about a served resource (ResourceInfo / ResourceDef satisfy it). */
export interface ResourceLike extends GVK {
  readonly resource: string;
  readonly namespaced: boolean;
  readonly subresources?: readonly string[];
  readonly verbs?: readonly string[];
}

export type Produces = 'object' | 'list' | 'text' | 'any';

export interface Op {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
  readonly id: string;
  readonly description: string;
  readonly action: string;
  readonly tag: string;
  readonly gvk?: GVK;
  readonly params: readonly Param[];
  /** The request body's definition; `patch` bodies take the patch media types (`custom-patch`: no strategic merge). */
  readonly body?: { readonly def: string; readonly consumes: 'any' | 'patch' | 'custom-patch'; readonly required: boolean };
  /** Status code → definition name (undefined: a string body, or none for 401). */
  readonly responses: readonly { readonly code: number; readonly def?: string }[];
  readonly produces: Produces;
}

export interface PathItem {
  readonly path: string;
  readonly params: readonly Param[];
  readonly ops: readonly Op[];
}

/** Resolves the definition name of a kind served in this document. */
export type DefNamer = (gvk: GVK) => string | undefined;

const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const statusDef = `${meta}.Status`;
const deleteOptionsDef = `${meta}.DeleteOptions`;
const patchDef = `${meta}.Patch`;
const watchEventDef = `${meta}.WatchEvent`;

/** Resources whose DELETE answers with the object rather than a Status (as Kubernetes 1.32 documents them). */
const deleteReturnsObject = new Set([
  '/persistentvolumeclaims', '/pods', '/podtemplates', '/resourcequotas', '/serviceaccounts', '/services', '/persistentvolumes',
  'storage.k8s.io/storageclasses',
]);

const upperFirst = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** "rbac.authorization.k8s.io" → ["RbacAuthorization", "rbacAuthorization"]; "" → ["Core", "core"]. */
export function groupNames(group: string): { id: string; tag: string } {
  if (!group) return { id: 'Core', tag: 'core' };
  const parts = group.replace(/\.k8s\.io$/, '').split(/[.-]/).filter(Boolean);
  const id = parts.map(upperFirst).join('');
  return { id, tag: id[0].toLowerCase() + id.slice(1) };
}

export function gvPrefix(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

/** The paths of one resource, as Kubernetes lays them out. Custom resources take no strategic merge patch. */
export function resourcePaths(r: ResourceLike, defName: DefNamer, custom = false): PathItem[] {
  const patchBody = custom ? 'custom-patch' : 'patch';
  const kindDef = defName(r);
  if (!kindDef) return [];
  const { id: gid, tag: gtag } = groupNames(r.group);
  const G = `${gid}${upperFirst(r.version)}`;
  const tag = `${gtag}_${r.version}`;
  const ns = r.namespaced ? 'Namespaced' : '';
  const verbs = new Set<string>(r.verbs ?? allVerbs);
  const gvk: GVK = { group: r.group, version: r.version, kind: r.kind };
  const listDef = defName({ ...gvk, kind: `${r.kind}List` });
  const prefix = gvPrefix(r.group, r.version);
  const nsPart = r.namespaced ? '/namespaces/{namespace}' : '';
  const collection = `${prefix}${nsPart}/${r.resource}`;
  const item = `${collection}/{name}`;
  const scopeParams = r.namespaced ? [param.namespace, param.pretty] : [param.pretty];
  const itemParams = r.namespaced ? [param.name(r.kind), param.namespace, param.pretty] : [param.name(r.kind), param.pretty];
  const op = (o: Omit<Op, 'tag'>): Op => ({ ...o, tag });
  const objResponses = (...codes: number[]) => [...codes.map((code) => ({ code, def: kindDef })), { code: 401 }];
  const out: PathItem[] = [];

  const collOps: Op[] = [];
  if (verbs.has('list') && listDef) {
    collOps.push(op({ method: 'get', id: `list${G}${ns}${r.kind}`, description: `list or watch objects of kind ${r.kind}`, action: 'list', gvk, params: listParams, responses: [{ code: 200, def: listDef }, { code: 401 }], produces: 'list' }));
  }
  if (verbs.has('create')) {
    collOps.push(op({ method: 'post', id: `create${G}${ns}${r.kind}`, description: `create a ${r.kind}`, action: 'post', gvk, params: createParams, body: { def: kindDef, consumes: 'any', required: true }, responses: objResponses(200, 201, 202), produces: 'object' }));
  }
  if (verbs.has('deletecollection')) {
    collOps.push(op({ method: 'delete', id: `delete${G}Collection${ns}${r.kind}`, description: `delete collection of ${r.kind}`, action: 'deletecollection', gvk, params: deleteCollectionParams, body: { def: deleteOptionsDef, consumes: 'any', required: false }, responses: [{ code: 200, def: statusDef }, { code: 401 }], produces: 'object' }));
  }
  if (collOps.length) out.push({ path: collection, params: scopeParams, ops: collOps });

  const itemOps: Op[] = [];
  if (verbs.has('get')) itemOps.push(op({ method: 'get', id: `read${G}${ns}${r.kind}`, description: `read the specified ${r.kind}`, action: 'get', gvk, params: [], responses: objResponses(200), produces: 'object' }));
  if (verbs.has('update')) itemOps.push(op({ method: 'put', id: `replace${G}${ns}${r.kind}`, description: `replace the specified ${r.kind}`, action: 'put', gvk, params: createParams, body: { def: kindDef, consumes: 'any', required: true }, responses: objResponses(200, 201), produces: 'object' }));
  if (verbs.has('patch')) itemOps.push(op({ method: 'patch', id: `patch${G}${ns}${r.kind}`, description: `partially update the specified ${r.kind}`, action: 'patch', gvk, params: patchParams, body: { def: patchDef, consumes: patchBody, required: true }, responses: objResponses(200, 201), produces: 'object' }));
  if (verbs.has('delete')) {
    const del = deleteReturnsObject.has(`${r.group}/${r.resource}`) ? kindDef : statusDef;
    itemOps.push(op({ method: 'delete', id: `delete${G}${ns}${r.kind}`, description: `delete a ${r.kind}`, action: 'delete', gvk, params: deleteParams, body: { def: deleteOptionsDef, consumes: 'any', required: false }, responses: [{ code: 200, def: del }, { code: 202, def: del }, { code: 401 }], produces: 'object' }));
  }
  if (itemOps.length) out.push({ path: item, params: itemParams, ops: itemOps });

  if (verbs.has('watch')) {
    const watchOp = (id: string, action: string): Op => op({ method: 'get', id, description: `watch changes to objects of kind ${r.kind}`, action, gvk, params: [], responses: [{ code: 200, def: watchEventDef }, { code: 401 }], produces: 'list' });
    const wParams = (p: readonly Param[]) => [...listParams, ...p].sort((a, b) => a.name.localeCompare(b.name));
    out.push({ path: `${prefix}/watch${nsPart}/${r.resource}`, params: wParams(scopeParams), ops: [watchOp(`watch${G}${ns}${r.kind}List`, 'watchlist')] });
    out.push({ path: `${prefix}/watch${nsPart}/${r.resource}/{name}`, params: wParams(itemParams), ops: [watchOp(`watch${G}${ns}${r.kind}`, 'watch')] });
    if (r.namespaced) out.push({ path: `${prefix}/watch/${r.resource}`, params: wParams([param.pretty]), ops: [watchOp(`watch${G}${r.kind}ListForAllNamespaces`, 'watchlist')] });
  }
  if (r.namespaced && verbs.has('list') && listDef) {
    out.push({ path: `${prefix}/${r.resource}`, params: [...listParams, param.pretty].sort((a, b) => a.name.localeCompare(b.name)), ops: [op({ method: 'get', id: `list${G}${r.kind}ForAllNamespaces`, description: `list or watch objects of kind ${r.kind}`, action: 'list', gvk, params: [], responses: [{ code: 200, def: listDef }, { code: 401 }], produces: 'list' })] });
  }

  for (const sub of r.subresources ?? []) {
    const S = upperFirst(sub);
    const base = `${G}${ns}${r.kind}${S}`;
    const subPath = `${item}/${sub}`;
    const sameKind = (def: string, subGvk: GVK): Op[] => [
      op({ method: 'get', id: `read${base}`, description: `read ${sub} of the specified ${r.kind}`, action: 'get', gvk: subGvk, params: [], responses: [{ code: 200, def }, { code: 401 }], produces: 'object' }),
      op({ method: 'put', id: `replace${base}`, description: `replace ${sub} of the specified ${r.kind}`, action: 'put', gvk: subGvk, params: createParams, body: { def, consumes: 'any', required: true }, responses: [{ code: 200, def }, { code: 201, def }, { code: 401 }], produces: 'object' }),
      op({ method: 'patch', id: `patch${base}`, description: `partially update ${sub} of the specified ${r.kind}`, action: 'patch', gvk: subGvk, params: patchParams, body: { def: patchDef, consumes: patchBody, required: true }, responses: [{ code: 200, def }, { code: 201, def }, { code: 401 }], produces: 'object' }),
    ];
    const create = (bodyGvk: GVK): Op[] => {
      const def = defName(bodyGvk);
      return def ? [op({ method: 'post', id: `create${base}`, description: `create ${sub} of a ${r.kind}`, action: 'post', gvk: bodyGvk, params: createParams, body: { def, consumes: 'any', required: true }, responses: [{ code: 200, def }, { code: 201, def }, { code: 202, def }, { code: 401 }], produces: 'object' })] : [];
    };
    const connect = (optionsKind: string, methods: Op['method'][], withPath = false): Op[] =>
      methods.map((m) => op({ method: m, id: `connect${G}${upperFirst(m)}${ns}${r.kind}${S}${withPath ? 'WithPath' : ''}`, description: `connect ${m.toUpperCase()} requests to ${sub} of ${r.kind}`, action: 'connect', gvk: { group: r.group, version: r.version, kind: optionsKind }, params: [], responses: [{ code: 200 }, { code: 401 }], produces: 'any' }));
    switch (sub) {
      case 'status': case 'ephemeralcontainers': case 'resize':
        out.push({ path: subPath, params: itemParams, ops: sameKind(kindDef, gvk) });
        break;
      case 'scale': {
        const scaleGvk = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
        const def = defName(scaleGvk);
        if (def) out.push({ path: subPath, params: itemParams, ops: sameKind(def, scaleGvk) });
        break;
      }
      case 'binding': out.push({ path: subPath, params: itemParams, ops: create({ group: '', version: 'v1', kind: 'Binding' }) }); break;
      case 'eviction': out.push({ path: subPath, params: itemParams, ops: create({ group: 'policy', version: 'v1', kind: 'Eviction' }) }); break;
      case 'token': out.push({ path: subPath, params: itemParams, ops: create({ group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }) }); break;
      case 'finalize':
        out.push({ path: subPath, params: itemParams, ops: [op({ method: 'put', id: `replace${base}`, description: `replace finalize of the specified ${r.kind}`, action: 'put', gvk, params: createParams, body: { def: kindDef, consumes: 'any', required: true }, responses: [{ code: 200, def: kindDef }, { code: 201, def: kindDef }, { code: 401 }], produces: 'object' })] });
        break;
      case 'log':
        out.push({ path: subPath, params: [...itemParams, ...logParams].sort((a, b) => a.name.localeCompare(b.name)), ops: [op({ method: 'get', id: `read${base}`, description: `read log of the specified ${r.kind}`, action: 'get', gvk, params: [], responses: [{ code: 200 }, { code: 401 }], produces: 'text' })] });
        break;
      case 'exec':
        out.push({ path: subPath, params: [...itemParams.filter((x) => x.name !== 'pretty'), ...execParams].sort((a, b) => a.name.localeCompare(b.name)), ops: connect('PodExecOptions', ['get', 'post']) });
        break;
      case 'attach':
        out.push({ path: subPath, params: [...itemParams.filter((x) => x.name !== 'pretty'), ...attachParams].sort((a, b) => a.name.localeCompare(b.name)), ops: connect('PodAttachOptions', ['get', 'post']) });
        break;
      case 'portforward':
        out.push({ path: subPath, params: [...itemParams.filter((x) => x.name !== 'pretty'), param.ports].sort((a, b) => a.name.localeCompare(b.name)), ops: connect('PodPortForwardOptions', ['get', 'post']) });
        break;
      case 'proxy': {
        const methods: Op['method'][] = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'];
        const base2 = itemParams.filter((x) => x.name !== 'pretty');
        out.push({ path: subPath, params: [...base2, param.pathQuery], ops: connect(`${r.kind}ProxyOptions`, methods) });
        out.push({ path: `${subPath}/{path}`, params: [...base2, param.path, param.pathQuery], ops: connect(`${r.kind}ProxyOptions`, methods, true) });
        break;
      }
    }
  }
  return out;
}

/** `GET /apis/<group>/<version>/`: the group-version's resource list. */
export function apiResourcesPath(group: string, version: string): PathItem {
  const { id, tag } = groupNames(group);
  return {
    path: `${gvPrefix(group, version)}/`,
    params: [],
    ops: [{ method: 'get', id: `get${id}${upperFirst(version)}APIResources`, description: 'get available resources', action: '', tag: `${tag}_${version}`, params: [], responses: [{ code: 200, def: `${meta}.APIResourceList` }, { code: 401 }], produces: 'object' }],
  };
}
