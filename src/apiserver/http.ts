// HTTP helpers for handlers: bodies with the size limit, content types, JSON/YAML/Status responses.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml, stringify as yamlStringify } from 'yaml';
import { StatusError, internalError, badRequest } from '../api/errors.ts';
import { StorageError } from '../storage/backend.ts';

/** Kubernetes rejects request bodies over 3 MiB with 413. */
export const maxBodyBytes = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    req.resume();
    throw new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${maxBodyBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) {
      req.resume();
      throw new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${maxBodyBytes}`);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Decodes a JSON or YAML body into a value; 415 for other media types, 400 when malformed. */
export function decodeBody(body: Buffer, type: string, allowed: readonly string[] = ['application/json', 'application/yaml']): unknown {
  if (body.length === 0) throw badRequest('the body of the request was empty');
  if (!allowed.includes(type) && !(type === '' && allowed.includes('application/json'))) {
    throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${allowed.join(', ')}`);
  }
  const text = body.toString('utf8');
  if (type === 'application/yaml' || type === 'application/apply-patch+yaml') {
    try {
      return parseYaml(text);
    } catch (e) {
      throw badRequest(`error converting YAML to JSON: ${yamlErrorText(e, text)}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

/** YAML errors worded as Kubernetes' YAML decoder words them where it matters to clients (duplicate keys). */
function yamlErrorText(e: unknown, text: string): string {
  const err = e as { code?: string; linePos?: { line: number; col: number }[]; message?: string };
  const pos = err.linePos?.[0];
  if (err.code === 'DUPLICATE_KEY' && pos) {
    const line = text.split('\n')[pos.line - 1] ?? '';
    const key = line.slice(pos.col - 1).split(':')[0].trim().replace(/^["']|["']$/g, '');
    return `yaml: unmarshal errors:\n  line ${pos.line}: key ${JSON.stringify(key)} already set in map`;
  }
  return (err.message ?? String(e)).split('\n')[0];
}

export interface Negotiated {
  /** Wants a meta.k8s.io Table. */
  table: boolean;
  /** Wants PartialObjectMetadata(List). */
  partial: boolean;
  yaml: boolean;
}

/** Reads the Accept header: JSON (default), YAML, or the Table / PartialObjectMetadata transformations. */
export function negotiate(req: IncomingMessage): Negotiated {
  const accept = req.headers.accept ?? '';
  const out: Negotiated = { table: false, partial: false, yaml: false };
  for (const clause of accept.split(',')) {
    const [type, ...params] = clause.split(';').map((s) => s.trim());
    const p = new Map(params.map((x) => x.split('=').map((s) => s.trim()) as [string, string]));
    if (type === 'application/json' || type === '*/*' || type === 'application/*') {
      const as = p.get('as');
      if (as === 'Table' && (p.get('g') ?? 'meta.k8s.io') === 'meta.k8s.io') { out.table = true; return out; }
      if ((as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') && p.get('g') === 'meta.k8s.io') { out.partial = true; return out; }
      if (!as) return out;
    } else if (type === 'application/yaml') {
      out.yaml = true;
      return out;
    } else if (type === 'application/vnd.kubernetes.protobuf' && !p.get('as')) {
      continue; // we answer JSON; clients list it as a fallback
    }
  }
  return out;
}

export function sendJson(res: ServerResponse, code: number, body: unknown, yaml = false): void {
  if (res.headersSent) { res.end(); return; }
  const text = yaml ? yamlStringify(body) : (typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(code, {
    'Content-Type': yaml ? 'application/yaml' : 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

/** Maps any thrown value to a Kubernetes Status response. Unexpected errors become 500 without a stack. */
export function toStatusError(err: unknown): StatusError {
  if (err instanceof StatusError) return err;
  if (err instanceof StorageError) {
    if (err.code === 'Compacted') return new StatusError(410, 'Expired', `The resourceVersion for the provided list is too old.`);
    if (err.code === 'Unavailable') return new StatusError(503, 'ServiceUnavailable', `storage unavailable: ${err.message}`);
  }
  return internalError(err instanceof Error ? err.message : String(err));
}

export function sendError(res: ServerResponse, err: unknown): void {
  const se = toStatusError(err);
  if (se.code >= 500 && !(err instanceof StatusError)) console.error('skiff: internal error:', err);
  sendJson(res, se.code, se.toStatus());
}

export function addWarning(res: ServerResponse, text: string): void {
  const value = `299 - ${JSON.stringify(text)}`;
  const prev = res.getHeader('Warning');
  if (prev === undefined) res.setHeader('Warning', value);
  else res.setHeader('Warning', [...(Array.isArray(prev) ? prev : [String(prev)]), value]);
}
