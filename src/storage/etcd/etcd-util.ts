// etcd plumbing shared by the backend and its watches: key ranges, KeyValue conversion, errors, leases.

import type { Etcd3, IKeyValue } from 'etcd3';
import { StorageError } from '../backend.ts';
import type { KeyValue } from '../backend.ts';
import { prefixEndBytes } from '../keys.ts';

/** etcd's "from this key to the end of the keyspace" marker, used for the empty prefix. */
const ALL = Buffer.from([0]);

/** [key, range_end) covering every key under `prefix`. */
export function prefixRange(prefix: string): { key: Buffer; range_end: Buffer } {
  if (prefix === '') return { key: ALL, range_end: ALL };
  const key = Buffer.from(prefix);
  return { key, range_end: prefixEndBytes(key) };
}

/** Numbers for the txn compare enums (the proto encoder takes their numeric values). */
export const Target = { Version: 0, Create: 1, Mod: 2 } as const;
export const Result = { Equal: 0, Greater: 1, Less: 2, NotEqual: 3 } as const;

/** Maps anything etcd or the client throws to the StorageError the contract allows. */
export function toStorageError(e: unknown, key: string): StorageError {
  if (e instanceof StorageError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (msg.includes('required revision has been compacted')) return new StorageError('Compacted', key, `etcd: ${msg}`);
  // A read at a revision etcd has not reached: like Kubernetes' "too large resource version", retry later.
  return new StorageError('Unavailable', key, `etcd: ${msg}`);
}

export function isCompactedError(e: unknown): boolean {
  return e instanceof Error && e.message.includes('required revision has been compacted');
}

/** The most lease IDs whose TTL we remember; beyond that the oldest are forgotten (and re-asked if seen). */
const MAX_REMEMBERED = 50_000;

/**
 * etcd stores a lease ID with each key, not the seconds the writer asked for. We remember the
 * TTL of leases we grant, and ask etcd (LeaseTimeToLive) about IDs granted by other clients.
 */
export class LeaseTable {
  readonly #client: Etcd3;
  readonly #ttl = new Map<string, number>();

  constructor(client: Etcd3) {
    this.#client = client;
  }

  /** Grants a lease for a write; '0' (no lease) when none was asked for. */
  async grant(seconds: number | undefined): Promise<string> {
    if (!seconds || seconds <= 0) return '0';
    const res = await this.#client.leaseClient.leaseGrant({ TTL: Math.max(1, Math.ceil(seconds)) });
    this.#remember(res.ID, seconds);
    return res.ID;
  }

  /** Best effort: gives back a lease granted for a write that did not happen. */
  revoke(id: string): void {
    if (id === '0') return;
    this.#ttl.delete(id);
    this.#client.leaseClient.leaseRevoke({ ID: id }).catch(() => {});
  }

  /** Looks up the TTLs of any unknown lease IDs among `kvs`. */
  async resolve(kvs: readonly (IKeyValue | null | undefined)[]): Promise<void> {
    for (const kv of kvs) {
      const id = kv?.lease;
      if (!id || id === '0' || this.#ttl.has(id)) continue;
      try {
        const res = await this.#client.leaseClient.leaseTimeToLive({ ID: id });
        this.#remember(id, Number(res.grantedTTL) > 0 ? Number(res.grantedTTL) : 0);
      } catch {
        this.#remember(id, 0);
      }
    }
  }

  /** Whether `resolve` is needed before converting these. */
  known(kvs: readonly (IKeyValue | null | undefined)[]): boolean {
    for (const kv of kvs) {
      const id = kv?.lease;
      if (id && id !== '0' && !this.#ttl.has(id)) return false;
    }
    return true;
  }

  seconds(id: string | undefined): number {
    return !id || id === '0' ? 0 : (this.#ttl.get(id) ?? 0);
  }

  #remember(id: string, seconds: number): void {
    if (this.#ttl.size >= MAX_REMEMBERED) {
      const oldest = this.#ttl.keys().next().value;
      if (oldest !== undefined) this.#ttl.delete(oldest);
    }
    this.#ttl.set(id, seconds);
  }
}

export function makeKV(key: string, value: Uint8Array, createRevision: number, modRevision: number, lease: number): KeyValue {
  return lease > 0 ? { key, value, createRevision, modRevision, leaseSeconds: lease } : { key, value, createRevision, modRevision };
}

/** An etcd KeyValue as ours (its lease must already be resolved in `leases`). */
export function fromEtcd(kv: IKeyValue, leases: LeaseTable): KeyValue {
  return makeKV(kv.key.toString(), kv.value, Number(kv.create_revision), Number(kv.mod_revision), leases.seconds(kv.lease));
}
