// Wires the api/ packages (defaults, validation, printers, schema) into the API server's hooks.

import type { KindHooks } from '../apiserver/registry/builtin.ts';
import type { ApiServer, ApiServerOptions } from '../apiserver/server.ts';
import type { ExtraRoute } from '../apiserver/router.ts';
import type { KObject } from '../api/object.ts';
import type { CRDSpec } from '../apiserver/crd/crd-defs.ts';
import { apiServerSchema, customSchemas, registerCustomSchema, unregisterCustomSchema } from '../api/schema/index.ts';
import { sendError } from '../apiserver/http.ts';
import { StatusError } from '../api/errors.ts';
import { podRowConditions, printerFor } from '../apiserver/printers/index.ts';
import { validateCreate, validateUpdate } from '../api/validation/index.ts';
import { applyDefaults, prepareForCreate, prepareForUpdate } from '../api/defaults/index.ts';

export function kindHooks(): KindHooks {
  return {
    defaults: applyDefaults,
    validateCreate: (group, kind, obj, namespaced) => validateCreate(group, kind, obj, { namespaced }),
    validateUpdate: (group, kind, obj, old, namespaced) => validateUpdate(group, kind, obj, old, { namespaced }),
    prepareCreate: prepareForCreate,
    prepareUpdate: prepareForUpdate,
    printer: (group, resource) => {
      const p = printerFor(group, resource);
      return p && group === '' && resource === 'pods' ? { ...p, conditions: podRowConditions } : p;
    },
  };
}

export function schemaHooks(): ApiServerOptions['schema'] {
  return apiServerSchema;
}

/** CRD versions' schemas feed type info (patches, apply) and the OpenAPI documents. */
export function onCRDChange(crd: KObject, removed: boolean): void {
  const spec = crd.spec as CRDSpec | undefined;
  if (!spec) return;
  for (const v of spec.versions ?? []) {
    if (removed || !v.served) unregisterCustomSchema(spec.group, v.name, spec.names.kind);
    else registerCustomSchema(spec.group, v.name, spec.names.kind, v.schema?.openAPIV3Schema);
  }
}

/** The OpenAPI routes, loaded on the first OpenAPI request (their code is not needed until a client asks). */
export function openapiExtraRoutes(api: ApiServer): ExtraRoute[] {
  let routes: Promise<ExtraRoute[]> | undefined;
  const load = () => (routes ??= import('../apiserver/openapi/index.ts')
    .then((m) => m.openapiRoutes(() => ({ resources: api.registry.all(), custom: customSchemas() }))));
  return [{
    path: '/openapi/',
    async handle(req, res, url) {
      const path = url.pathname;
      const r = (await load()).find((x) => path === x.path || (x.path.endsWith('/') && path.startsWith(x.path)));
      if (r) return r.handle(req, res, url);
      sendError(res, new StatusError(404, 'NotFound', 'the server could not find the requested resource'));
    },
  }];
}
