// One object as the watch cache holds it: parsed once, encoded to JSON once, shared by all readers.

import type { KObject } from '../../api/object.ts';
import type { KeyValue } from '../../storage/backend.ts';

const decoder = new TextDecoder();

export class CachedObject {
  readonly key: string;
  readonly rv: number;
  /** The object with metadata.resourceVersion set. Shared: never mutate — deepCopy first. */
  readonly obj: KObject;
  #json: string | undefined;

  constructor(key: string, rv: number, obj: KObject, json?: string) {
    this.key = key;
    this.rv = rv;
    this.obj = obj;
    this.#json = json;
  }

  static fromKV(kv: KeyValue): CachedObject {
    const obj = JSON.parse(decoder.decode(kv.value)) as KObject;
    obj.metadata ??= {};
    obj.metadata.resourceVersion = String(kv.modRevision);
    return new CachedObject(kv.key, kv.modRevision, obj);
  }

  /** JSON text of `obj`, computed on first use. */
  get json(): string {
    return (this.#json ??= JSON.stringify(this.obj));
  }

  get namespace(): string | undefined {
    return this.obj.metadata?.namespace;
  }

  get name(): string {
    return this.obj.metadata?.name ?? '';
  }

  get labels(): Record<string, string> | undefined {
    return this.obj.metadata?.labels;
  }
}

/** Bytes to store for an object: its JSON without resourceVersion (the datastore revision is the version). */
export function encodeForStorage(obj: KObject): Uint8Array {
  const rv = obj.metadata?.resourceVersion;
  if (rv === undefined) return Buffer.from(JSON.stringify(obj));
  delete obj.metadata!.resourceVersion;
  try {
    return Buffer.from(JSON.stringify(obj));
  } finally {
    obj.metadata!.resourceVersion = rv;
  }
}
