// Child process for the kill -9 durability test: creates keys and prints each acknowledged revision.

import { SqliteBackend } from './sqlite-backend.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: durability-child.ts <db file>');
const backend = new SqliteBackend({ file });
const value = new TextEncoder().encode('x'.repeat(200));
// Runs until killed; each line is printed only after the create's promise resolved.
for (let i = 0; ; i++) {
  const kv = await backend.create(`/durable/${i}`, value);
  process.stdout.write(`${i} ${kv.modRevision}\n`);
  // sqlite writes never wait for I/O, so give the event loop a turn to flush stdout.
  if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
}
