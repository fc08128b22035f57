// Opens the configured storage Backend: embedded sqlite under the data dir, or etcd for an http(s) endpoint.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from './backend.ts';

export interface OpenBackendOptions {
  /** The server's data dir; the sqlite database lives at `<dataDir>/db/state.db` (as in k3s). */
  readonly dataDir: string;
  /**
   * k3s's `--datastore-endpoint`: empty for the embedded sqlite, or etcd client URLs
   * (`http://` or `https://`, comma-separated for a cluster).
   */
  readonly endpoint?: string;
  /** k3s's `--datastore-cafile`, `--datastore-certfile`, `--datastore-keyfile` (paths, for https etcd). */
  readonly tls?: { readonly caFile?: string; readonly certFile?: string; readonly keyFile?: string };
}

/** The sqlite file for a data dir. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'db', 'state.db');
}

/** Opens the backend; throws a one-line Error for an endpoint it cannot serve. */
export async function openBackend(options: OpenBackendOptions): Promise<Backend> {
  const endpoint = options.endpoint?.trim();
  if (!endpoint) {
    const { SqliteBackend } = await import('./sqlite/sqlite-backend.ts');
    return new SqliteBackend({ file: sqliteFile(options.dataDir) });
  }
  const urls = endpoint.split(',').map((u) => u.trim()).filter((u) => u !== '');
  for (const url of urls) {
    // Name only the scheme: endpoints of other datastores can carry passwords.
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') {
      throw new Error(
        `unsupported --datastore-endpoint ${scheme ? `scheme "${scheme}://"` : 'value (no scheme)'}: use http:// or https:// etcd URLs, or leave it empty for the embedded sqlite datastore`,
      );
    }
  }
  const read = (path: string | undefined): Buffer | undefined => {
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (e) {
      throw new Error(`cannot read datastore TLS file ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const tls = options.tls;
  // Loaded only when used: the etcd client brings gRPC, which an sqlite server need not carry in memory.
  const { EtcdBackend } = await import('./etcd/etcd-backend.ts');
  return new EtcdBackend({
    endpoints: urls,
    tls: tls ? { ca: read(tls.caFile), cert: read(tls.certFile), key: read(tls.keyFile) } : undefined,
  });
}
