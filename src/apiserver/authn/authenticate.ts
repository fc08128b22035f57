// Authentication: x509 client certificates signed by the cluster CA, and bearer tokens.

import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { UserInfo } from './user.ts';

/** Looks a bearer token up; undefined when unknown. Service-account and join tokens plug in here. */
export type TokenAuthenticator = (token: string) => UserInfo | undefined | Promise<UserInfo | undefined>;

export interface AuthResult {
  user?: UserInfo;
  /** True when credentials were presented but rejected (401 even on public paths). */
  rejected: boolean;
}

function asList(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The client certificate's user, read once per TLS connection (keep-alive connections carry many requests). */
const certUsers = new WeakMap<TLSSocket, UserInfo | null>();

function certificateUser(sock: TLSSocket): UserInfo | null {
  let u = certUsers.get(sock);
  if (u !== undefined) return u;
  u = null;
  if (sock.authorized) {
    const cert = sock.getPeerCertificate();
    const cn = cert?.subject ? asList(cert.subject.CN)[0] : undefined;
    if (cn) u = { name: cn, groups: [...asList(cert.subject.O), 'system:authenticated'] };
  }
  certUsers.set(sock, u);
  return u;
}

export async function authenticate(req: IncomingMessage, tokens: TokenAuthenticator[]): Promise<AuthResult> {
  const sock = req.socket as TLSSocket;
  const certUser = certificateUser(sock);
  if (certUser) return { user: certUser, rejected: false };
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) return { rejected: true };
    for (const t of tokens) {
      const u = await t(m[1]);
      if (u) return { user: { ...u, groups: u.groups.includes('system:authenticated') ? u.groups : [...u.groups, 'system:authenticated'] }, rejected: false };
    }
    return { rejected: true };
  }
  // A client certificate that did not verify is a rejected credential.
  if (!sock.authorized && Object.keys(sock.getPeerCertificate() ?? {}).length > 0) return { rejected: true };
  return { rejected: false };
}
