// The OpenAPI documents the API server publishes (/openapi/v2, /openapi/v3, /openapi/v3/<gv>), built from the schema data, the served resources and CRD schemas.
//
// Wiring (one line in the ApiServer options):
//   extraRoutes: (api) => openapiRoutes(() => ({ resources: api.registry.all(), custom: customSchemas() }))
// with customSchemas() from src/api/schema (CRD versions registered by registerCustomSchema). Resources
// that have neither a built-in definition nor a registered schema are published as free-form objects.
//
// Routes and headers (what openapiRoutes does; the pure functions are exported for other uses):
//   GET /openapi/v2            → openapiV2(resources, custom)        swagger 2.0 JSON
//   GET /openapi/v3            → openapiV3Index(resources, custom)   {"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=H"}}}
//   GET /openapi/v3/<gv>[?hash=H] → openapiV3Document(gv, ...)       OpenAPI 3.0 JSON; a stale hash answers 301 to the current URL,
//                                                                    the current one adds Cache-Control: public, immutable
//   Every answer: Content-Type: application/json, ETag: "<hash>" (upper-case hex SHA-512 of the body), Vary: Accept;
//   If-None-Match with the ETag answers 304.
//
// Protobuf: kubectl 1.32 (client-go discovery OpenAPISchema) asks /openapi/v2 only with
// `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf` and proto-decodes the body, with no
// fallback: a JSON body fails to decode, a 406 fails the request; either way kubectl treats OpenAPI v2 as
// unavailable. It needs v2 only for `kubectl explain --output=plaintext-openapiv2` and as a fallback (client-side
// validation when v3 lacks fieldValidation; apply patch computation when v3 cannot be used), so skiff answers
// that Accept with 406 NotAcceptable and serves JSON to clients that accept it. All v3 requests from kubectl
// ask for application/json.

export { openapiV2, openapiV3Document, openapiV3Index, gvPath, type CustomKind, type ServedDocument } from './documents.ts';
export { acceptsJson, openapiRoutes, type OpenAPIInputs } from './serve.ts';
export type { ResourceLike } from './paths.ts';
