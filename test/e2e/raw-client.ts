// A raw HTTPS client with the admin credentials from a kubeconfig, for requests kubectl would not send.

import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { parse } from 'yaml';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RawClient {
  send(method: string, path: string, opts?: { body?: string | Buffer; contentType?: string; accept?: string; anonymous?: boolean; token?: string }): Promise<RawResponse>;
}

export async function rawClient(kubeconfigPath: string): Promise<RawClient> {
  const kc = parse(await readFile(kubeconfigPath, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  };
  const b = (s: string) => Buffer.from(s, 'base64').toString('utf8');
  const server = new URL(kc.clusters[0].cluster.server);
  const ca = b(kc.clusters[0].cluster['certificate-authority-data']);
  const cert = b(kc.users[0].user['client-certificate-data']);
  const key = b(kc.users[0].user['client-key-data']);
  return {
    send(method, path, o = {}) {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = { Accept: o.accept ?? 'application/json' };
        if (o.body !== undefined) {
          headers['Content-Type'] = o.contentType ?? 'application/json';
          headers['Content-Length'] = Buffer.byteLength(o.body);
        }
        if (o.token) headers.Authorization = `Bearer ${o.token}`;
        const req = request({
          host: server.hostname, port: server.port, method, path, headers, ca,
          ...(o.anonymous ? {} : { cert, key }),
        }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
          });
        });
        req.on('error', reject);
        req.end(o.body);
      });
    },
  };
}
