// A keep-alive HTTPS client with the admin certificate, for driving the API server in benchmarks.

import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface BenchClient {
  req(method: string, path: string, body?: string): Promise<{ status: number; body: string }>;
  /** Opens a watch; calls onLine per event line; resolves to a function that closes it. */
  watch(path: string, onLine: (line: string) => void): Promise<() => void>;
  close(): void;
}

export function benchClient(kubeconfigPath: string, maxSockets = 64): BenchClient {
  const kc = parse(readFileSync(kubeconfigPath, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  };
  const b = (s: string) => Buffer.from(s, 'base64').toString('utf8');
  const url = new URL(kc.clusters[0].cluster.server);
  const tls = {
    ca: b(kc.clusters[0].cluster['certificate-authority-data']),
    cert: b(kc.users[0].user['client-certificate-data']),
    key: b(kc.users[0].user['client-key-data']),
  };
  const agent = new Agent({ keepAlive: true, maxSockets, ...tls });
  const watchAgent = new Agent({ keepAlive: false, maxSockets: Infinity, ...tls });
  return {
    req(method, path, body) {
      return new Promise((resolve, reject) => {
        const r = request({ host: url.hostname, port: url.port, method, path, agent,
          headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        r.on('error', reject);
        r.end(body);
      });
    },
    watch(path, onLine) {
      return new Promise((resolve, reject) => {
        const r = request({ host: url.hostname, port: url.port, method: 'GET', path, agent: watchAgent }, (res) => {
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            buf += c;
            let i;
            while ((i = buf.indexOf('\n')) >= 0) { onLine(buf.slice(0, i)); buf = buf.slice(i + 1); }
          });
          res.on('error', () => {});
          resolve(() => r.destroy());
        });
        r.on('error', (e) => reject(e));
        r.end();
      });
    },
    close() {
      agent.destroy();
      watchAgent.destroy();
    },
  };
}
