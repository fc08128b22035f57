// Server-side apply: merges an applied configuration into the stored object and updates metadata.managedFields.

import { StatusError, badRequest } from '../errors.ts';
import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { dropNulls, fieldPathSet, managerName, setManagedFields, stripFields, updateManaged, withoutManagedFields } from './chain.ts';
import { conflictError } from './conflict.ts';
import { joinSchemaErrors, validateApplied } from './extract.ts';
import { allowedConflictsFromLastApplied, buildLastApplied, hasLastApplied, setLastApplied } from './last-applied.ts';
import { copyManaged, decodeManagedFields, managerIdentifier } from './managers.ts';
import type { Managed } from './managers.ts';
import { SchemaError } from './shape.ts';
import { ConflictsError, applyManagers } from './updater.ts';
import type { UpdaterContext } from './updater.ts';
import { clone, isMap } from './value.ts';

export interface ApplyOptions {
  /** The stored object; undefined when the apply creates it. */
  current: KObject | undefined;
  /** The applied configuration (the request body). */
  applied: KObject;
  /** The fieldManager query parameter (required for apply; see validateApplyOptions). */
  manager: string;
  /** The force query parameter: take fields from other managers instead of failing with a conflict. */
  force: boolean;
  typeInfo: TypeInfo | undefined;
  /** API version of the endpoint (`apps/v1`); the applied object must use it. */
  apiVersion: string;
  /** RFC 3339 time of the request. */
  now: string;
  /** "status", "scale"... for applies through a subresource. */
  subresource?: string;
  /** Kind of the endpoint; when known, an applied object of another kind is rejected. */
  kind?: string;
  /** Fields the strategy resets on this endpoint (GetResetFields), e.g. `[['status']]` for the main resource. */
  resetFields?: readonly (readonly string[])[];
  /** The empty object of the kind (what Kubernetes' zero value encodes to), for untracked objects' first apply. */
  empty?: KObject;
}

/** Go's GroupVersionKind.String(): `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
export function gvkString(apiVersion: unknown, kind: unknown): string {
  const av = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = av.indexOf('/');
  const [group, version] = slash >= 0 ? [av.slice(0, slash), av.slice(slash + 1)] : ['', av];
  return `${group}/${version}, Kind=${typeof kind === 'string' ? kind : ''}`;
}

/** A 500 as Kubernetes sends for errors that are not Status errors (reason empty). */
function serverError(message: string): StatusError {
  return new StatusError(500, '', message);
}

function checkRequest(opts: ApplyOptions): void {
  const { applied } = opts;
  const kind = opts.kind ?? opts.current?.kind;
  if (applied.apiVersion !== opts.apiVersion || (kind !== undefined && applied.kind !== kind)) {
    throw badRequest(`invalid object type: ${gvkString(applied.apiVersion, applied.kind)}`);
  }
  if (Array.isArray(applied.metadata?.managedFields)) throw badRequest('metadata.managedFields must be nil');
  const errors = validateApplied(applied, opts.typeInfo);
  if (errors.length) throw serverError(`failed to create typed patch object (${describe(applied)}): ${joinSchemaErrors(errors)}`);
}

/** How Kubernetes names an object in field manager errors: `default/web; apps/v1, Kind=Deployment`. */
function describe(obj: KObject): string {
  const meta = obj.metadata ?? {};
  return `${meta.namespace ?? ''}/${meta.name ?? ''}; ${gvkString(obj.apiVersion, obj.kind)}`;
}

function decodeCurrent(current: KObject | undefined): Managed {
  try {
    return decodeManagedFields(current?.metadata?.managedFields);
  } catch (err) {
    throw serverError(`failed to decode managed fields: ${(err as Error).message}`);
  }
}

/**
 * The object after applying `applied` as `manager`, with metadata.managedFields updated: one Apply entry per
 * manager owning exactly what it applied; fields it applied before and omits now are removed unless another
 * manager owns them; fields other managers own and the configuration changes are a 409 Conflict unless
 * `force`, which moves them to the applier. Throws StatusError (400 for a wrong type or managedFields in the
 * body, 409 for conflicts, 500 for configurations Kubernetes cannot type).
 */
export function apply(opts: ApplyOptions): KObject {
  checkRequest(opts);
  const managed = decodeCurrent(opts.current);
  const live = opts.current ? withoutManagedFields(opts.current) : {};
  const config = withoutManagedFields(opts.applied);
  const ctx: UpdaterContext = { typeInfo: opts.typeInfo, apiVersion: opts.apiVersion, ignored: fieldPathSet(opts.resetFields) };

  let result: { object: KObject; managed: Managed };
  try {
    result = applyOnce(ctx, live, config, managed, opts, opts.force);
  } catch (err) {
    if (!(err instanceof ConflictsError)) throw rethrow(err, opts);
    result = retryForClientSideApply(ctx, live, config, managed, opts, err);
  }

  const object = result.object;
  if (opts.manager === 'kubectl' && hasLastApplied(object)) setLastApplied(object, buildLastApplied(opts.applied));
  dropNulls(object, opts.typeInfo);
  setManagedFields(object, result.managed);
  return object;
}

/** The configuration was checked up front, so what the engine still cannot type is in the stored object. */
function rethrow(err: unknown, opts: ApplyOptions): unknown {
  if (err instanceof SchemaError) {
    return serverError(`failed to create typed live object (${describe(opts.current ?? opts.applied)}): ${err.message}`);
  }
  return err;
}

/** One pass of the apply chain over a copy of the managers; throws ConflictsError. */
function applyOnce(ctx: UpdaterContext, live: KObject, config: KObject, start: Managed, opts: ApplyOptions, force: boolean): { object: KObject; managed: Managed } {
  const managed = copyManaged(start);
  if (managed.fields.size === 0) {
    // Existing objects that were never tracked: someone set their fields before the first apply.
    updateManaged(ctx, opts.empty ?? {}, live, managed, { manager: 'before-first-apply', now: opts.now, subresource: opts.subresource });
  }
  const id = managerIdentifier({ manager: managerName(opts.manager), operation: 'Apply', subresource: opts.subresource });
  const next = applyManagers(ctx, live, config, managed.fields, id, force);
  stripFields(managed.fields, id);
  if (next !== undefined) managed.times.set(id, opts.now);
  const object = (next !== undefined && isMap(next) ? next : clone(live)) as KObject;
  return { object, managed };
}

/**
 * `kubectl apply --server-side` over objects kubectl client-side applied: conflicts on fields the
 * last-applied annotation shows kubectl set are taken without --force-conflicts (lastAppliedManager).
 */
function retryForClientSideApply(ctx: UpdaterContext, live: KObject, config: KObject, managed: Managed, opts: ApplyOptions, err: ConflictsError): { object: KObject; managed: Managed } {
  const allowed = opts.manager === 'kubectl' && opts.current
    ? allowedConflictsFromLastApplied(live, opts.typeInfo, opts.apiVersion)
    : undefined;
  if (!allowed) throw conflictError(err.conflicts);
  const remaining = err.conflicts.filter((c) => !allowed.has(c.path));
  if (remaining.length) throw conflictError(remaining);
  try {
    return applyOnce(ctx, live, config, managed, opts, true);
  } catch (e) {
    throw rethrow(e, opts);
  }
}
