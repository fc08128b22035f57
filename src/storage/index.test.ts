// openBackend: sqlite by default, etcd for http(s) endpoints, one clear line for anything else.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { openBackend, sqliteFile } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'skiff-open-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('opens sqlite under <dataDir>/db/state.db when no endpoint is given', async () => {
  const b = await openBackend({ dataDir: dir, endpoint: '' });
  try {
    assert.equal(b.name, 'sqlite');
    await b.create('/k', new Uint8Array([1]));
    assert.ok(existsSync(sqliteFile(dir)));
    assert.equal(sqliteFile(dir), join(dir, 'db', 'state.db'));
  } finally {
    await b.close();
  }
});

it('opens etcd for http:// and https:// endpoints (connecting lazily)', async () => {
  for (const endpoint of ['http://127.0.0.1:1', 'https://etcd-a:2379,https://etcd-b:2379']) {
    const b = await openBackend({ dataDir: dir, endpoint });
    assert.equal(b.name, 'etcd');
    await b.close();
  }
});

it('rejects other endpoints with one line naming only the scheme', async () => {
  for (const endpoint of ['mysql://root:secret@tcp(db:3306)/k3s', 'postgres://u:p@db/k3s', 'etcd-host:2379', 'http://ok:2379,unix:///run/kine.sock']) {
    await assert.rejects(openBackend({ dataDir: dir, endpoint }), (err: Error) => {
      assert.ok(!err.message.includes('\n'), 'one line');
      assert.ok(!err.message.includes('secret') && !err.message.includes('u:p'), 'no credentials echoed');
      assert.match(err.message, /^unsupported --datastore-endpoint/);
      return true;
    });
  }
});
