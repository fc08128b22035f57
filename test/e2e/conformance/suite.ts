// Per-file setup for the conformance suites: one real `skiff server` and an API client for the whole file.

import { after, before } from 'node:test';
import { startServer, type ServerHandle } from '../harness.ts';
import { connect, type Api } from './client.ts';

export interface Ctx {
  s: ServerHandle;
  api: Api;
}

/** Registers before/after hooks in the current describe(); the returned object is filled in before the tests run. */
export function serverContext(): Ctx {
  const ctx = {} as Ctx;
  before(async () => {
    ctx.s = await startServer();
    ctx.api = await connect(ctx.s.kubeconfig);
  });
  after(async () => {
    ctx.api?.close();
    await ctx.s?.stop();
  });
  return ctx;
}
