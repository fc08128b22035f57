// The API server's datastore: the only way into storage/ for the rest of skiff.

export { openBackend as openDatastore } from '../storage/index.ts';
export type { Backend as Datastore } from '../storage/backend.ts';
