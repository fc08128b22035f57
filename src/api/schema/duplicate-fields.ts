// Finds keys that appear twice in one JSON object (JSON.parse keeps only the last), named as Kubernetes' strict decoding does.

/**
 * Paths of duplicated keys in a JSON text, in document order (`spec.replicas`, `items[0].name`), for
 * `duplicate field "<path>"`. The text is assumed to be valid JSON (parse it first); on malformed input
 * the scan stops and returns what it found so far.
 */
export function duplicateFieldPaths(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  const n = text.length;

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const readString = (): string => {
    const start = ++i; // after the opening quote
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) { escaped = true; i += 2; continue; }
      if (c === 0x22) break;
      i++;
    }
    const raw = text.slice(start, i);
    i++; // closing quote
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  };
  const value = (path: string): boolean => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const keys = new Set<string>();
      ws();
      if (text[i] === '}') { i++; return true; }
      while (i < n) {
        ws();
        if (text[i] !== '"') return false;
        const key = readString();
        const p = path ? `${path}.${key}` : key;
        if (keys.has(key)) {
          if (!seen.has(p)) { seen.add(p); found.push(p); }
        } else keys.add(key);
        ws();
        if (text[i] !== ':') return false;
        i++;
        if (!value(p)) return false;
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return true; }
        return false;
      }
      return false;
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return true; }
      for (let idx = 0; i < n; idx++) {
        if (!value(`${path}[${idx}]`)) return false;
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return true; }
        return false;
      }
      return false;
    }
    if (c === '"') { readString(); return true; }
    // number, true, false, null
    const start = i;
    while (i < n && !',]} \n\r\t'.includes(text[i])) i++;
    return i > start;
  };
  value('');
  return found;
}
