// DELETE of one object, and of a collection: DeleteOptions from the body or the query.

import { badRequest } from '../../api/errors.ts';
import { isPlainObject } from '../../api/object.ts';
import { decodeBody, mediaType, readBody, sendJson } from '../http.ts';
import { listResource } from '../store/list.ts';
import { deleteObject, type DeleteOptions } from '../store/writes.ts';
import { listQuery } from './list.ts';
import { respondObject } from './respond.ts';
import { writeContext, type Scope } from './scope.ts';

async function deleteOptions(s: Scope): Promise<DeleteOptions> {
  const opts: DeleteOptions = {};
  const body = await readBody(s.req);
  if (body.length > 0) {
    const v = decodeBody(body, mediaType(s.req));
    if (!isPlainObject(v)) throw badRequest('DeleteOptions must be a JSON object');
    if (typeof v.gracePeriodSeconds === 'number') opts.gracePeriodSeconds = v.gracePeriodSeconds;
    if (typeof v.propagationPolicy === 'string') opts.propagationPolicy = v.propagationPolicy;
    if (typeof v.orphanDependents === 'boolean' && !opts.propagationPolicy) opts.propagationPolicy = v.orphanDependents ? 'Orphan' : 'Background';
    if (isPlainObject(v.preconditions)) opts.preconditions = v.preconditions as DeleteOptions['preconditions'];
    if (Array.isArray(v.dryRun) && v.dryRun.includes('All')) s.query.append('dryRun', 'All');
  }
  const g = s.query.get('gracePeriodSeconds');
  if (g !== null && g !== '') opts.gracePeriodSeconds = Number(g);
  const p = s.query.get('propagationPolicy');
  if (p) opts.propagationPolicy = p;
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  return opts;
}

function successStatus(s: Scope, name: string, uid: string | undefined): Record<string, unknown> {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
    details: { name, group: s.def.group || undefined, kind: s.def.resource, uid },
  };
}

export async function handleDelete(s: Scope): Promise<void> {
  const opts = await deleteOptions(s);
  const r = await deleteObject(s.def, writeContext(s), s.info.namespace, s.info.name, opts);
  if (r.deleted) sendJson(s.res, 200, successStatus(s, s.info.name, r.obj.metadata?.uid));
  else respondObject(s, 200, r.obj);
}

export async function handleDeleteCollection(s: Scope): Promise<void> {
  const opts = await deleteOptions(s);
  const q = listQuery(s);
  q.limit = 0;
  q.continue = '';
  q.resourceVersion = '';
  const out = await listResource(s.def, s.parts.hub, q);
  const ctx = writeContext(s);
  const deleted = [];
  for (const item of out.items) {
    try {
      const r = await deleteObject(s.def, ctx, item.namespace ?? '', item.name, opts);
      deleted.push(r.obj);
    } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
    }
  }
  sendJson(s.res, 200, { kind: `${s.def.kind}List`, apiVersion: s.def.apiVersion, metadata: { resourceVersion: String(s.parts.hub.revision) }, items: deleted });
}
