// Static bearer tokens from a CSV file (kube-apiserver's --token-auth-file): token,user,uid,"group1,group2".

import { readFileSync } from 'node:fs';
import type { TokenAuthenticator } from './authenticate.ts';
import type { UserInfo } from './user.ts';

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export function parseTokenFile(text: string, source = 'token file'): Map<string, UserInfo> {
  const tokens = new Map<string, UserInfo>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [token, name, uid, groups] = splitCsvLine(line);
    if (!token || !name) throw new Error(`${source}: line ${i + 1}: expected token,user,uid[,"groups"]`);
    tokens.set(token, { name, uid: uid || undefined, groups: groups ? groups.split(',').map((g) => g.trim()).filter(Boolean) : [] });
  });
  return tokens;
}

export function tokenFileAuthenticator(path: string): TokenAuthenticator {
  const tokens = parseTokenFile(readFileSync(path, 'utf8'), path);
  return (token) => tokens.get(token);
}
