// GET of one object.

import { notFound } from '../../api/errors.ts';
import { cacheId, objectKey } from '../store/keys.ts';
import { storedAs } from '../registry/resource-def.ts';
import { respondCached } from './respond.ts';
import type { Scope } from './scope.ts';

export async function handleGet(s: Scope): Promise<void> {
  const { def, info, parts } = s;
  const rv = s.query.get('resourceVersion') ?? '';
  if (rv === '') await parts.hub.waitFresh();
  else if (rv !== '0' && /^\d+$/.test(rv)) await parts.hub.waitFor(Number(rv));
  const st = storedAs(def);
  const o = parts.hub.cache(cacheId(st.group, st.resource)).objects.get(objectKey(st.group, st.resource, def.namespaced ? info.namespace : undefined, info.name));
  if (!o) throw notFound(def.resource, def.group, info.name);
  respondCached(s, o);
}
