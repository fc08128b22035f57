// Protobuf wire-format writer: keys, varints (negatives sign-extended to 64 bits), length-delimited fields.

const utf8 = new TextEncoder();

export class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** An unsigned varint below 2^32 (keys, lengths). */
  uint32(v: number): this {
    this.reserve(5);
    while (v > 0x7f) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.len++] = v;
    return this;
  }

  /** A varint of any int32/int64 value (exact within ±2^53); negatives take ten bytes, as Go writes them. */
  int64(v: number): this {
    if (v >= 0 && v <= 0xffffffff) return this.uint32(v);
    let lo = v >>> 0;
    let hi = Math.floor(v / 0x1_0000_0000) >>> 0;
    this.reserve(10);
    while (hi > 0 || lo > 0x7f) {
      this.buf[this.len++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.buf[this.len++] = lo;
    return this;
  }

  key(field: number, wireType: number): this {
    return this.uint32(((field << 3) | wireType) >>> 0);
  }

  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }

  /** A length-delimited field: key, length, bytes. */
  delimited(field: number, bytes: Uint8Array): this {
    return this.key(field, 2).uint32(bytes.length).raw(bytes);
  }

  string(field: number, s: string): this {
    return this.delimited(field, utf8.encode(s));
  }

  double(field: number, v: number): this {
    this.key(field, 1);
    this.reserve(8);
    new DataView(this.buf.buffer).setFloat64(this.len, v, true);
    this.len += 8;
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
