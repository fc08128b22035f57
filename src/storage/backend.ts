// The storage Backend contract: a revisioned key-value store in the manner of etcd v3.

/**
 * One stored version of a key. Revisions are global and strictly increasing:
 * every successful write (create, update, delete) takes the next revision.
 * `createRevision` is the revision that created this incarnation of the key;
 * `modRevision` is the revision of the write that produced this version
 * (for a delete event, the revision of the delete).
 */
export interface KeyValue {
  readonly key: string;
  readonly value: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
  /** Seconds of life the writer asked for; absent means forever. */
  readonly leaseSeconds?: number;
}

/**
 * A change seen by a watch. For `put`, `kv` is the new version and `prevKv` the
 * version it replaced (absent on create). For `delete`, `kv.modRevision` is the
 * revision of the delete and `kv.value` the last value the key held; `prevKv`
 * is that same last version.
 */
export interface WatchEvent {
  readonly type: 'put' | 'delete';
  readonly kv: KeyValue;
  readonly prevKv?: KeyValue;
}

export interface ListOptions {
  /** Read as of this revision (0 or absent: the newest). Compacted revisions fail with `Compacted`. */
  readonly revision?: number;
  /** At most this many keys (0 or absent: all). */
  readonly limit?: number;
  /** Start at this key (inclusive); must lie under the prefix. Used for pagination. */
  readonly startKey?: string;
}

export interface ListResult {
  /** Keys under the prefix in ascending byte order, each at its newest version ≤ `revision`. */
  readonly kvs: KeyValue[];
  /** The revision the list was read at (the store's current revision when none was asked). */
  readonly revision: number;
  /** True when keys beyond `limit` remain. */
  readonly more: boolean;
}

export interface WriteOptions {
  /** Delete the key by itself after this many seconds (like an etcd lease). */
  readonly leaseSeconds?: number;
}

export interface Watcher {
  /** Stops delivery. Idempotent; no callback runs after it returns. */
  cancel(): void;
}

export interface WatchHandlers {
  /** Events in revision order, each batch from one or more consecutive revisions. */
  onEvents(events: WatchEvent[]): void;
  /** The watch ended for good (`Compacted`, `Unavailable`, or the backend closed). */
  onError(err: StorageError): void;
}

export type StorageErrorCode = 'KeyExists' | 'NotFound' | 'Conflict' | 'Compacted' | 'Unavailable';

/** The only error a Backend throws or reports. `current` carries the key's present version on Conflict. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly key: string;
  readonly current: KeyValue | undefined;
  constructor(code: StorageErrorCode, key: string, message?: string, current?: KeyValue) {
    super(message ?? `${code}: ${key}`);
    this.name = 'StorageError';
    this.code = code;
    this.key = key;
    this.current = current;
  }
}

/**
 * A revisioned key-value store. Keys are strings compared by bytes; values are opaque.
 *
 * Contract every implementation keeps (checked by backend.conformance.ts):
 * - A write is durable when its promise resolves: it survives `kill -9` of the process.
 * - Writes are atomic compare-and-swap operations; concurrent writers see `Conflict`, never a lost update.
 * - `get`/`list` at a revision see exactly the writes with revision ≤ it.
 * - `watch(prefix, after)` delivers every write under the prefix with revision > `after`, in order,
 *   exactly once, then keeps delivering new writes until cancelled. If `after` is older than the
 *   compacted revision, `onError(Compacted)` is called instead (asynchronously).
 * - `compact(rev)` discards versions superseded at or before `rev` and deletions at or before `rev`;
 *   reads and watches at revisions < `rev` then fail with `Compacted`. Compacting to a revision not
 *   newer than the last compaction is a no-op.
 * - Keys written with `leaseSeconds` are deleted by the backend (a normal delete with its own
 *   revision and watch event) once that time has passed.
 * - After `close()` every call rejects with `Unavailable`; open watches get `onError(Unavailable)`.
 */
export interface Backend {
  /** Short name for logs and metrics: "sqlite", "etcd", "memory". */
  readonly name: string;

  /** The newest version of `key` as of `revision` (default: now), or null with the revision read at. */
  get(key: string, revision?: number): Promise<{ kv: KeyValue | null; revision: number }>;

  list(prefix: string, options?: ListOptions): Promise<ListResult>;

  /** How many keys exist under the prefix now. */
  count(prefix: string): Promise<{ count: number; revision: number }>;

  /** Creates `key`; fails with `KeyExists` if it exists. Resolves to the stored version. */
  create(key: string, value: Uint8Array, options?: WriteOptions): Promise<KeyValue>;

  /**
   * Replaces `key` if its modRevision is still `expectedModRevision`. Fails with `NotFound`
   * if the key does not exist, `Conflict` (with `current`) if it changed.
   */
  update(key: string, value: Uint8Array, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue>;

  /**
   * Deletes `key`, if given only while its modRevision is `expectedModRevision`. Resolves to the
   * deleted version with `modRevision` set to the delete's revision. `NotFound` / `Conflict` as for update.
   */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;

  watch(prefix: string, afterRevision: number, handlers: WatchHandlers): Watcher;

  /** The newest revision (the last write's). */
  currentRevision(): Promise<number>;

  /** The revision of the last compaction (0 if never). */
  compactedRevision(): Promise<number>;

  compact(revision: number): Promise<void>;

  close(): Promise<void>;
}
