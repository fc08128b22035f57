// The sqlite file stays bounded under constant churn when the log is compacted periodically.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { SqliteBackend } from './sqlite-backend.ts';

const KEYS = 4;
const REWRITES = 15_000; // per key: 60,000 writes of 1 KiB, ~60 MiB of values if nothing were reclaimed
const COMPACT_EVERY = 2_000; // writes
const BOUND = 12 * 1024 * 1024;

function sizeOnDisk(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) total += statSync(f).size;
  return total;
}

it('a few keys rewritten tens of thousands of times with periodic compaction keep the file bounded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skiff-size-'));
  const file = join(dir, 'db', 'state.db');
  const backend = new SqliteBackend({ file });
  try {
    const value = new Uint8Array(1024).fill(7);
    const revs: number[] = [];
    for (let k = 0; k < KEYS; k++) revs.push((await backend.create(`/churn/${k}`, value)).modRevision);
    let largest = 0;
    let writes = 0;
    for (let round = 0; round < REWRITES; round++) {
      for (let k = 0; k < KEYS; k++) {
        value[0] = round & 0xff;
        revs[k] = (await backend.update(`/churn/${k}`, value, revs[k])).modRevision;
        if (++writes % COMPACT_EVERY === 0) {
          largest = Math.max(largest, sizeOnDisk(file));
          // Keep a little history, like the apiserver's compactor does.
          await backend.compact((await backend.currentRevision()) - 100);
        }
      }
    }
    largest = Math.max(largest, sizeOnDisk(file));
    assert.ok(largest < BOUND, `database grew to ${(largest / 2 ** 20).toFixed(1)} MiB (bound ${BOUND / 2 ** 20} MiB)`);
    const listed = await backend.list('/churn/');
    assert.equal(listed.kvs.length, KEYS);
    assert.deepEqual(listed.kvs.map((kv) => kv.modRevision), revs);
    console.log(`# largest size on disk: ${(largest / 2 ** 20).toFixed(2)} MiB after ${writes} writes`);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
