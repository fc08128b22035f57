// Loads the generated protobuf schema table once and indexes each message's fields by number.

import { readFileSync } from 'node:fs';
import type { FieldSpec, ProtobufSchema } from './schema-types.ts';

let loaded: ProtobufSchema | undefined;
const byNumber = new Map<string, Map<number, FieldSpec>>();

/** The schema table (src/api/protobuf/schema.json, made by scripts/gen-protobuf-schema.ts). */
export function protobufSchema(): ProtobufSchema {
  loaded ??= JSON.parse(readFileSync(new URL('./schema.json', import.meta.url), 'utf8')) as ProtobufSchema;
  return loaded;
}

/** A message's fields in Go declaration order; undefined for an unknown message. */
export function messageFields(type: string): FieldSpec[] | undefined {
  return protobufSchema().messages[type];
}

/** A message's fields keyed by protobuf field number. */
export function fieldsByNumber(type: string): Map<number, FieldSpec> {
  let m = byNumber.get(type);
  if (!m) {
    m = new Map((messageFields(type) ?? []).map((f) => [f[0], f]));
    byNumber.set(type, m);
  }
  return m;
}

/** The element type when the message wraps a Go named slice (`Verbs` → `string`). */
export function listElementType(type: string): string | undefined {
  return protobufSchema().lists[type];
}

/** The message registered for kind in an apiVersion (`apps/v1`, `Deployment`), if any. */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  const s = protobufSchema();
  const own = s.kinds[apiVersion];
  if (!own) return undefined;
  return own[kind] ?? s.everyGroupVersion[kind];
}
