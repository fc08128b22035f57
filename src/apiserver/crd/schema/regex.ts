// Compiles schema `pattern`s (Go RE2 syntax, as Kubernetes runs them) to JavaScript RegExps, cached.

export type CompiledPattern = { ok: true; re: RegExp } | { ok: false; error: string };

const cache = new Map<string, CompiledPattern>();
const maxCache = 1000;

const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

/** Rewrites the RE2 constructs JavaScript lacks; returns the source and flags. */
function translate(pattern: string): { source: string; flags: string } {
  let src = pattern;
  let flags = '';
  // A leading flag group `(?i)`, `(?s)`, `(?m)` (or combined) applies to the whole pattern.
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
    src = src.slice(lead[0].length);
  }
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[i + 1];
      if (n === 'z') { out += '$'; i++; continue; }
      if (n === 'A') { out += '^'; i++; continue; }
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const lit = end < 0 ? src.slice(i + 2) : src.slice(i + 2, end);
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end < 0 ? src.length : end + 1;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (c === '(' && src.startsWith('(?P<', i)) { out += '(?<'; i += 3; continue; }
    if (c === '[' && src[i + 1] === ':') {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
      if (m && posixClasses[m[2]] && !m[1]) { out += posixClasses[m[2]]; i += m[0].length - 1; continue; }
    }
    out += c;
  }
  return { source: out, flags };
}

/** The compiled pattern, or the reason it does not compile. */
export function compilePattern(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const { source, flags } = translate(pattern);
  let result: CompiledPattern;
  try {
    result = { ok: true, re: new RegExp(source, `${flags}u`) };
  } catch {
    try {
      result = { ok: true, re: new RegExp(source, flags) };
    } catch (e) {
      result = { ok: false, error: `error parsing regexp: ${(e as Error).message}` };
    }
  }
  if (cache.size >= maxCache) cache.clear();
  cache.set(pattern, result);
  return result;
}
