// What every resource handler gets: the request, its parsed path, the resource served, and the server's parts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KObject } from '../../api/object.ts';
import type { TypeInfo } from '../../api/schema/type-info.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import type { ResourceDef } from '../registry/resource-def.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { RequestInfo } from '../request-info.ts';
import type { WriteContext } from '../store/writes.ts';
import type { UserInfo } from '../authn/user.ts';

export interface ServerParts {
  hub: CacheHub;
  registry: ResourceRegistry;
  admit: NonNullable<WriteContext['admit']>;
  /** Paths of fields the kind's schema does not declare (for fieldValidation). */
  unknownFields(def: ResourceDef, obj: KObject): string[];
  /** Removes undeclared fields (built-in kinds drop them on decode, like Go structs). */
  prune(def: ResourceDef, obj: KObject): void;
  /** Structure of the resource's kind, for patches, apply and managedFields. */
  typeInfo(def: ResourceDef): TypeInfo | undefined;
  /** Seconds a stored object of this resource lives (Events). */
  leaseSeconds(def: ResourceDef): number | undefined;
}

export interface Scope {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  def: ResourceDef;
  user: UserInfo;
  parts: ServerParts;
}

export function writeContext(s: Scope): WriteContext {
  const dry = s.query.getAll('dryRun');
  return {
    hub: s.parts.hub,
    dryRun: dry.includes('All'),
    admit: s.parts.admit,
    leaseSeconds: s.parts.leaseSeconds(s.def),
  };
}
