// Key ordering and prefix ranges shared by the backends: keys compare by their UTF-8 bytes.

/**
 * Compares two keys in UTF-8 byte order (which equals Unicode code point order).
 * JavaScript's `<` compares UTF-16 code units, which differs only where a surrogate
 * (a code point above U+FFFF) meets a code unit in U+E000..U+FFFF; those are remapped.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 0xd800 && cb >= 0xd800) {
      // Surrogates (D800..DFFF) sort above E000..FFFF in code point order.
      ca = ca < 0xe000 ? ca + 0x2000 : ca - 0x800;
      cb = cb < 0xe000 ? cb + 0x2000 : cb - 0x800;
    }
    return ca - cb;
  }
  return a.length - b.length;
}

/**
 * The smallest string greater than every string starting with `prefix` (in code point order),
 * or undefined when no such bound exists (the empty prefix, or one made only of U+10FFFF).
 * Range scans use [prefix, prefixEnd(prefix)).
 */
export function prefixEnd(prefix: string): string | undefined {
  let end = prefix.length;
  while (end > 0) {
    const low = prefix.charCodeAt(end - 1);
    const high = end >= 2 ? prefix.charCodeAt(end - 2) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    const start = pair ? end - 2 : end - 1;
    const cp = prefix.codePointAt(start) ?? 0;
    if (cp < 0x10ffff) {
      const next = cp === 0xd7ff ? 0xe000 : cp + 1;
      return prefix.slice(0, start) + String.fromCodePoint(next);
    }
    end = start;
  }
  return undefined;
}

/** The exclusive end of the byte range holding every key with this byte prefix; [0] (etcd's "to the end") if unbounded. */
export function prefixEndBytes(prefix: Uint8Array): Buffer {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i] < 0xff) {
      const end = Buffer.from(prefix.subarray(0, i + 1));
      end[i]++;
      return end;
    }
  }
  return Buffer.from([0]);
}
