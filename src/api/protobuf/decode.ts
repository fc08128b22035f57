// Decodes a Kubernetes protobuf request body (`k8s\0` + runtime.Unknown) into the JSON object Kubernetes would print.

import { StatusError, badRequest } from '../errors.ts';
import type { JsonObject, JsonValue, KObject } from '../object.ts';
import { parseMessage, type Fields } from './parse.ts';
import { renderMessage, type RenderContext } from './render.ts';
import { messageForKind } from './schema.ts';
import { Reader, WireError } from './wire.ts';

export const protobufMediaType = 'application/vnd.kubernetes.protobuf';

/** The 4-byte prefix of every Kubernetes protobuf object. */
export const protobufMagic = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

const unknownType = 'k8s.io.apimachinery.pkg.runtime.Unknown';

/** The media types the API server accepts for bodies it cannot read as protobuf (custom resources, say). */
export const jsonYamlMediaTypes: readonly string[] = ['application/json', 'application/yaml'];

export interface ExpectedKind {
  apiVersion: string;
  kind: string;
}

export interface DecodeOptions {
  /** Listed in the 415 message when the kind has no protobuf schema (default: JSON and YAML). */
  acceptedMediaTypes?: readonly string[];
}

function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

/** The envelope's group/version/kind, gaps filled from the expected one (the serializer's gvkWithDefaults). */
function withDefaults(apiVersion: string, kind: string, expect: ExpectedKind | undefined): [string, string] {
  if (!expect) return [apiVersion, kind];
  let [group, version] = splitApiVersion(apiVersion);
  const [defGroup, defVersion] = splitApiVersion(expect.apiVersion);
  if (!kind) kind = expect.kind;
  if (!version && !group) { group = defGroup; version = defVersion; }
  if (!version && group === defGroup) version = defVersion;
  return [group ? `${group}/${version}` : version, kind];
}

function str(f: Fields, n: number): string {
  const v = f.get(n);
  return typeof v === 'string' ? v : '';
}

function unsupported(accepted: readonly string[]): StatusError {
  return new StatusError(415, 'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

function hasMagic(body: Uint8Array): boolean {
  return body.length >= 4 && body[0] === 0x6b && body[1] === 0x38 && body[2] === 0x73 && body[3] === 0;
}

function decode(body: Uint8Array, expect: ExpectedKind | undefined, opts: DecodeOptions): KObject {
  if (!hasMagic(body)) {
    throw badRequest(`provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]`);
  }
  const envelope = parseMessage(new Reader(body, 4), unknownType);
  const typeMeta = envelope.get(1);
  const tm = typeMeta instanceof Map ? typeMeta : new Map();
  const [apiVersion, kind] = withDefaults(str(tm, 1), str(tm, 2), expect);
  const contentType = str(envelope, 4);
  if (contentType !== '' && contentType !== protobufMediaType) throw unsupported(opts.acceptedMediaTypes ?? jsonYamlMediaTypes);
  const type = kind ? messageForKind(apiVersion, kind) : undefined;
  if (!type) throw unsupported(opts.acceptedMediaTypes ?? jsonYamlMediaTypes);
  const raw = envelope.get(2);
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(0);
  const fields = parseMessage(new Reader(bytes), type);
  const ctx: RenderContext = { nested: (inner) => decode(inner, undefined, opts) as JsonValue };
  // TypeMeta comes first in every Kubernetes struct: kind, then apiVersion.
  const out: JsonObject = { kind, apiVersion };
  return renderMessage(fields, type, ctx, out) as KObject;
}

/**
 * Decodes a `application/vnd.kubernetes.protobuf` body into the JSON object Kubernetes' own JSON encoding of the
 * same Go object would print (apiVersion/kind from the envelope, gaps filled from `expect`). Errors are Status
 * errors: 400 for malformed bytes, 415 for a kind that has no protobuf schema (custom resources, unknown kinds).
 */
export function decodeKubernetesProtobuf(body: Uint8Array, expect?: ExpectedKind, opts: DecodeOptions = {}): KObject {
  try {
    return decode(body, expect, opts);
  } catch (e) {
    if (e instanceof WireError) throw badRequest(`unable to decode protobuf body: ${e.message}`);
    throw e;
  }
}
