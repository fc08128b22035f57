// Conformance: leases — keys written with leaseSeconds are deleted by the backend, with an event.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Recorder, assertKV, enc, sleep, text, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

export function leaseTests(factory: BackendFactory): void {
  it('a key written with leaseSeconds expires through a normal delete', withBackend(factory, async (b) => {
    const rec = new Recorder();
    const w = b.watch('/lease/', await b.currentRevision(), rec);
    const started = Date.now();
    const a = await b.create('/lease/a', enc('a1'), { leaseSeconds: 1 });
    assert.equal(a.leaseSeconds, 1);
    const kept = await b.create('/lease/kept', enc('k1'), { leaseSeconds: 1 });
    // Rewriting without leaseSeconds makes the key permanent.
    const keptNow = await b.update('/lease/kept', enc('k2'), kept.modRevision);
    assert.equal(keptNow.leaseSeconds, undefined);
    const plain = await b.create('/lease/plain', enc('p1'));
    const got = await b.get('/lease/a');
    assertKV(got.kv, '/lease/a', 'a1');
    assert.equal(got.kv?.leaseSeconds, 1);

    // Each write above is one event; the expiry adds a delete, due within 3 s of a 1 s lease.
    await rec.waitForEvents(5, 3000);
    const expiry = rec.events[4];
    assert.equal(expiry.type, 'delete');
    assert.equal(expiry.kv.key, '/lease/a');
    assert.equal(text(expiry.kv.value), 'a1');
    assert.ok(expiry.kv.modRevision > plain.modRevision);
    assert.equal(expiry.prevKv?.modRevision, a.modRevision);
    assert.equal((await b.get('/lease/a')).kv, null);
    assert.equal(await b.currentRevision(), expiry.kv.modRevision);

    // Past the old deadline of /lease/kept: it and the plain key must still be there.
    const wait = 2500 - (Date.now() - started);
    if (wait > 0) await sleep(wait);
    assertKV((await b.get('/lease/kept')).kv, '/lease/kept', 'k2');
    assertKV((await b.get('/lease/plain')).kv, '/lease/plain', 'p1');
    assert.equal(rec.events.length, 5, `unexpected events: ${rec.descriptions.join(', ')}`);
    w.cancel();
  }));
}
