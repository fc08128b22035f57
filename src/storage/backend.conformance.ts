// The one conformance suite every storage Backend must pass (kine-style: same tests, every driver).

import { describe } from 'node:test';
import { compactionTests } from './conformance/compaction.ts';
import { crudTests } from './conformance/crud.ts';
import type { BackendFactory } from './conformance/helpers.ts';
import { leaseTests } from './conformance/lease.ts';
import { lifecycleTests } from './conformance/lifecycle.ts';
import { listTests } from './conformance/list.ts';
import { revisionTests } from './conformance/revisions.ts';
import { watchTests } from './conformance/watch.ts';

export type { BackendFactory, BackendFixture } from './conformance/helpers.ts';

/**
 * Registers the suite under `describe(name)`. `factory` must give each test a fresh, empty
 * backend (revision history included) and a cleanup that tolerates an already-closed backend.
 */
export function backendConformance(name: string, factory: BackendFactory): void {
  describe(`${name} backend conformance`, () => {
    describe('create, get, update, delete', () => crudTests(factory));
    describe('revisions', () => revisionTests(factory));
    describe('list and count', () => listTests(factory));
    describe('watch', () => watchTests(factory));
    describe('compaction', () => compactionTests(factory));
    describe('leases', () => leaseTests(factory));
    describe('concurrency and close', () => lifecycleTests(factory));
  });
}
