// GET of a collection (list), served from the watch cache or paged from the datastore.

import { badRequest } from '../../api/errors.ts';
import { parseFieldSelector } from '../../api/selectors/field-selector.ts';
import { parseLabelSelector } from '../../api/selectors/label-selector.ts';
import { listResource, type ListQuery } from '../store/list.ts';
import { respondList } from './respond.ts';
import type { Scope } from './scope.ts';

export function listQuery(s: Scope): ListQuery {
  const q = s.query;
  const limitText = q.get('limit') ?? '';
  if (limitText && !/^-?\d+$/.test(limitText)) throw badRequest(`limit: Invalid value: "${limitText}": must be an integer`);
  return {
    namespace: s.def.namespaced ? s.info.namespace : '',
    labels: parseLabelSelector(q.get('labelSelector') ?? ''),
    fields: parseFieldSelector(q.get('fieldSelector') ?? ''),
    limit: Math.max(0, Number(limitText || 0)),
    continue: q.get('continue') ?? '',
    resourceVersion: q.get('resourceVersion') ?? '',
    resourceVersionMatch: q.get('resourceVersionMatch') ?? '',
  };
}

export async function handleList(s: Scope): Promise<void> {
  const out = await listResource(s.def, s.parts.hub, listQuery(s));
  respondList(s, out.items, { resourceVersion: String(out.resourceVersion), continue: out.continue, remainingItemCount: out.remainingItemCount });
}
