// Key layout in the datastore: /registry/<group or "core">/<resource>/[<namespace>/]<name>.

export const registryPrefix = '/registry/';

export function resourcePrefix(group: string, resource: string): string {
  return `${registryPrefix}${group || 'core'}/${resource}/`;
}

export function namespacePrefix(group: string, resource: string, namespace: string): string {
  return `${resourcePrefix(group, resource)}${namespace}/`;
}

export function objectKey(group: string, resource: string, namespace: string | undefined, name: string): string {
  return namespace ? `${resourcePrefix(group, resource)}${namespace}/${name}` : `${resourcePrefix(group, resource)}${name}`;
}

/** "group/resource" for a key, e.g. "apps/deployments", "core/pods"; undefined for keys outside the layout. */
export function resourceOfKey(key: string): string | undefined {
  if (!key.startsWith(registryPrefix)) return undefined;
  const a = key.indexOf('/', registryPrefix.length);
  if (a < 0) return undefined;
  const b = key.indexOf('/', a + 1);
  if (b < 0) return undefined;
  return key.slice(registryPrefix.length, b);
}

export function cacheId(group: string, resource: string): string {
  return `${group || 'core'}/${resource}`;
}
