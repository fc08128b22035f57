// Durability: every write a sqlite backend acknowledged survives kill -9 of its process.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { SqliteBackend } from './sqlite-backend.ts';

it('every acknowledged write survives SIGKILL of the writing process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skiff-durable-'));
  const file = join(dir, 'db', 'state.db');
  try {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'durability-child.ts'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<number, number>();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let partial = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const lines = (partial + d.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const [i, rev] = line.split(' ').map(Number);
          acked.set(i, rev);
        }
        // Kill it mid-stream, while writes are in flight.
        if (acked.size >= 2000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => (acked.size >= 2000 ? resolve() : reject(new Error(`child exited early: ${stderr}`))));
    });
    await exited;

    const backend = new SqliteBackend({ file });
    try {
      for (const [i, rev] of acked) {
        const kv = (await backend.get(`/durable/${i}`)).kv;
        assert.ok(kv, `acknowledged key /durable/${i} (revision ${rev}) is missing after kill -9`);
        assert.equal(kv.modRevision, rev);
      }
      assert.ok((await backend.currentRevision()) >= Math.max(...acked.values()));
    } finally {
      await backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
