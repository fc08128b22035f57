// Runs the storage conformance suite against the sqlite backend, plus sqlite-only behaviour.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { backendConformance } from '../backend.conformance.ts';
import { enc, text } from '../conformance/helpers.ts';
import { SqliteBackend } from './sqlite-backend.ts';

const root = mkdtempSync(join(tmpdir(), 'skiff-sqlite-'));
after(() => rmSync(root, { recursive: true, force: true }));
let seq = 0;
const freshFile = (): string => join(root, `t${++seq}`, 'db', 'state.db');

backendConformance('sqlite', async () => {
  const backend = new SqliteBackend({ file: freshFile() });
  return { backend, cleanup: () => backend.close() };
});

describe('sqlite backend', () => {
  it('keeps data, revisions and compaction across a reopen', async () => {
    const file = freshFile();
    const first = new SqliteBackend({ file });
    const a = await first.create('/p/a', enc('a1'));
    const a2 = await first.update('/p/a', enc('a2'), a.modRevision);
    const b = await first.create('/p/b', enc('b1'));
    const del = await first.delete('/p/b');
    await first.compact(del.modRevision);
    await first.close();

    const again = new SqliteBackend({ file });
    try {
      // The newest row (the tombstone) was compacted away, yet revisions must not go back.
      assert.equal(await again.currentRevision(), del.modRevision);
      assert.equal(await again.compactedRevision(), del.modRevision);
      const got = (await again.get('/p/a')).kv;
      assert.equal(text(got?.value ?? enc('')), 'a2');
      assert.equal(got?.modRevision, a2.modRevision);
      assert.equal((await again.get('/p/b')).kv, null);
      const next = await again.create('/p/c', enc('c1'));
      assert.equal(next.modRevision, del.modRevision + 1);
      assert.ok(b.modRevision < next.modRevision);
    } finally {
      await again.close();
    }
  });

  it('compaction to the current revision leaves one row per live key', async () => {
    const file = freshFile();
    const b = new SqliteBackend({ file });
    const revs = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 20; i++) {
        const key = `/c/${i}`;
        const prev = revs.get(key);
        revs.set(key, (prev === undefined ? await b.create(key, enc('v')) : await b.update(key, enc(`v${round}`), prev)).modRevision);
      }
      const victim = `/c/${round}`;
      await b.delete(victim);
      revs.delete(victim);
      await b.compact(await b.currentRevision());
    }
    await b.close();
    const db = new DatabaseSync(file);
    try {
      const rows = db.prepare('SELECT name, id, deleted FROM kv ORDER BY name').all() as { name: string; id: number; deleted: number }[];
      assert.deepEqual(
        rows.map((r) => [r.name, r.id, r.deleted]),
        [...revs].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, rev]) => [k, rev, 0]),
      );
    } finally {
      db.close();
    }
  });

  it('refuses a second open of the same file while the first is open', async () => {
    const file = freshFile();
    const first = new SqliteBackend({ file });
    try {
      await first.create('/x', enc('1'));
      assert.throws(() => new SqliteBackend({ file }), /in use by another process/);
    } finally {
      await first.close();
    }
  });

  it('expires a leased key written before a reopen', async () => {
    const file = freshFile();
    const first = new SqliteBackend({ file });
    await first.create('/l/a', enc('1'), { leaseSeconds: 1 });
    await first.close();
    const again = new SqliteBackend({ file });
    try {
      const deadline = Date.now() + 3000;
      while ((await again.get('/l/a')).kv !== null) {
        assert.ok(Date.now() < deadline, 'leased key was not deleted within 3 s');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await again.close();
    }
  });
});
