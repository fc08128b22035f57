// Protobuf wire-format reader: varints, fixed 32/64-bit values and length-delimited fields over a byte array.

export const wireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

/** Malformed protobuf input (truncated, bad lengths, unknown wire types). */
export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireError';
  }
}

const utf8 = new TextDecoder('utf-8');

export class Reader {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;
  private view: DataView | undefined;

  constructor(buf: Uint8Array, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint's low 32 bits as an unsigned number (fast path for tags, lengths, int32, bool). */
  uint32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError('unexpected EOF');
      const b = this.buf[this.pos++];
      if (shift < 32) result |= (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) return result >>> 0;
    }
    throw new WireError('integer overflow');
  }

  /** int32 as protobuf encodes it: negative values are sign-extended to 10 bytes. */
  int32(): number {
    return this.uint32() | 0;
  }

  /** int64 as a JS number (exact within ±2^53). */
  int64(): number {
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError('unexpected EOF');
      const b = this.buf[this.pos++];
      if (shift < 28) lo |= (b & 0x7f) << shift;
      else if (shift === 28) { lo |= (b & 0x0f) << 28; hi |= (b & 0x7f) >> 4; }
      else hi |= (b & 0x7f) << (shift - 32);
      shift += 7;
      if (b < 0x80) return (hi | 0) * 0x1_0000_0000 + (lo >>> 0);
    }
    throw new WireError('integer overflow');
  }

  /** uint64 as a JS number (exact below 2^53). */
  uint64(): number {
    const v = this.int64();
    return v < 0 ? v + 2 ** 64 : v;
  }

  bool(): boolean {
    return this.int64() !== 0;
  }

  private dataView(): DataView {
    this.view ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    return this.view;
  }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.end) throw new WireError('unexpected EOF');
    this.pos += n;
    return at;
  }

  fixed32(): number { return this.dataView().getUint32(this.need(4), true); }
  sfixed32(): number { return this.dataView().getInt32(this.need(4), true); }
  float(): number { return this.dataView().getFloat32(this.need(4), true); }
  double(): number { return this.dataView().getFloat64(this.need(8), true); }
  fixed64(): number { return Number(this.dataView().getBigUint64(this.need(8), true)); }
  sfixed64(): number { return Number(this.dataView().getBigInt64(this.need(8), true)); }

  /** The extent of a length-delimited field: [start, end) within buf. */
  delimited(): [number, number] {
    const len = this.uint32();
    const start = this.need(len);
    return [start, start + len];
  }

  /** A length-delimited field's bytes (a view, not a copy). */
  bytes(): Uint8Array {
    const [s, e] = this.delimited();
    return this.buf.subarray(s, e);
  }

  string(): string {
    const [s, e] = this.delimited();
    return utf8.decode(this.buf.subarray(s, e));
  }

  /** A field key: [field number, wire type]. */
  tag(): [number, number] {
    const key = this.uint32();
    const number = key >>> 3;
    if (number === 0) throw new WireError('illegal tag 0');
    return [number, key & 7];
  }

  /** Skips one field's value of the given wire type (groups included). */
  skip(type: number, number = 0): void {
    switch (type) {
      case wireType.varint: this.int64(); return;
      case wireType.fixed64: this.need(8); return;
      case wireType.bytes: this.delimited(); return;
      case wireType.fixed32: this.need(4); return;
      case wireType.startGroup:
        for (;;) {
          const [n, t] = this.tag();
          if (t === wireType.endGroup) {
            if (n !== number) throw new WireError('mismatched end group');
            return;
          }
          this.skip(t, n);
        }
      default: throw new WireError(`illegal wire type ${type}`);
    }
  }
}
