// Constructors for the StorageErrors every backend reports the same way.

import { StorageError } from '../backend.ts';

export function closedError(key: string): StorageError {
  return new StorageError('Unavailable', key, 'storage backend is closed');
}

export function compactedError(key: string, revision: number, compacted: number): StorageError {
  return new StorageError('Compacted', key, `revision ${revision} is older than the compacted revision ${compacted}`);
}

/** Reads at a revision the store has not reached yet: retry later, like Kubernetes' "too large resource version". */
export function futureError(key: string, revision: number, current: number): StorageError {
  return new StorageError('Unavailable', key, `revision ${revision} is newer than the current revision ${current}`);
}
