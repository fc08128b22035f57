// Runs the storage conformance suite against the in-memory backend.

import { backendConformance } from '../backend.conformance.ts';
import { MemoryBackend } from './memory-backend.ts';

backendConformance('memory', async () => {
  const backend = new MemoryBackend();
  return { backend, cleanup: () => backend.close() };
});
