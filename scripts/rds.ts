// Read R's serialised objects (saveRDS, XDR format version 2 or 3) into plain values: enough of the format for the
// ontology indexes that R packages ship (vectors, lists, attributes, S4 objects, environments, ALTREP sequences).
import { gunzipSync } from 'node:zlib';

/** An R value: vectors become arrays (NA → null), with attributes (names, class, S4 slots) kept beside them. */
export interface RValue {
  type: number;
  value: unknown;
  attributes: Map<string, RValue>;
}

const NIL = 254;
const REF = 255;
const SPECIAL = new Set([253, 242, 241, 251, 252, 244]);

class Reader {
  private pos = 0;
  private readonly refs: RValue[] = [];
  constructor(private readonly buf: Buffer) {}

  skip(n: number): void {
    this.pos += n;
  }

  int(): number {
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  private length(): number {
    const n = this.int();
    if (n !== -1) return n;
    const hi = this.int();
    return hi * 2 ** 32 + (this.int() >>> 0);
  }

  private chars(): string | null {
    this.int(); // flags of the CHARSXP
    const n = this.int();
    if (n === -1) return null;
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  private attributesOf(target: RValue): void {
    const list = this.item();
    for (const [tag, v] of pairs(list)) target.attributes.set(tag, v);
  }

  item(): RValue {
    const flags = this.int();
    const type = flags & 0xff;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    const out: RValue = { type, value: null, attributes: new Map() };
    if (type === NIL || SPECIAL.has(type)) return out;
    if (type === REF) {
      const index = flags >> 8 || this.int();
      const ref = this.refs[index - 1];
      if (ref === undefined) throw new Error(`rds: reference ${index} before its definition`);
      return ref;
    }
    switch (type) {
      case 1: {
        out.value = this.item().value;
        this.refs.push(out);
        return out;
      }
      case 247:
      case 249:
      case 250: {
        this.int();
        const n = this.int();
        const names: Array<string | null> = [];
        for (let i = 0; i < n; i++) names.push(this.chars());
        out.value = names;
        this.refs.push(out);
        return out;
      }
      case 4: {
        this.refs.push(out);
        this.int();
        const enclos = this.item();
        const frame = this.item();
        const hash = this.item();
        const attr = this.item();
        const vars = new Map<string, RValue>(pairs(frame));
        if (Array.isArray(hash.value))
          for (const bucket of hash.value as RValue[]) for (const [k, v] of pairs(bucket)) vars.set(k, v);
        out.value = { enclos, vars };
        for (const [tag, v] of pairs(attr)) out.attributes.set(tag, v);
        return out;
      }
      case 2:
      case 3:
      case 5:
      case 6:
      case 17: {
        const cells: Array<[string, RValue]> = [];
        let attrHere = hasAttr;
        let tagHere = hasTag;
        for (;;) {
          if (attrHere) this.attributesOf(out);
          const tag = tagHere ? String(this.item().value) : '';
          cells.push([tag, this.item()]);
          const next = this.int();
          const nextType = next & 0xff;
          if (nextType === NIL) break;
          if (![2, 3, 5, 6, 17].includes(nextType)) {
            this.pos -= 4;
            cells.push(['', this.item()]);
            break;
          }
          attrHere = (next & (1 << 9)) !== 0;
          tagHere = (next & (1 << 10)) !== 0;
        }
        out.value = cells;
        return out;
      }
      case 9:
        this.pos -= 4;
        out.value = this.chars();
        return out;
      case 10:
      case 13: {
        const n = this.length();
        const v: Array<number | null> = [];
        for (let i = 0; i < n; i++) {
          const x = this.int();
          v.push(x === -2147483648 ? null : x);
        }
        out.value = v;
        break;
      }
      case 14: {
        const n = this.length();
        const v: number[] = [];
        for (let i = 0; i < n; i++) {
          v.push(this.buf.readDoubleBE(this.pos));
          this.pos += 8;
        }
        out.value = v;
        break;
      }
      case 16: {
        const n = this.length();
        const v: Array<string | null> = [];
        for (let i = 0; i < n; i++) v.push(this.chars());
        out.value = v;
        break;
      }
      case 19:
      case 20: {
        const n = this.length();
        const v: RValue[] = [];
        for (let i = 0; i < n; i++) v.push(this.item());
        out.value = v;
        break;
      }
      case 24: {
        const n = this.length();
        out.value = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        break;
      }
      case 25:
        break;
      case 238:
        return this.altrep(out);
      default:
        throw new Error(`rds: unsupported SEXP type ${type} at byte ${this.pos - 4}`);
    }
    if (hasAttr) this.attributesOf(out);
    return out;
  }

  private altrep(out: RValue): RValue {
    const info = this.item();
    const state = this.item();
    const attr = this.item();
    const cells = info.value as Array<[string, RValue]>;
    const kind = String(cells[0]?.[1].value ?? '');
    if (kind === 'compact_intseq' || kind === 'compact_realseq') {
      const [n = 0, start = 0, step = 1] = state.value as number[];
      out.type = kind === 'compact_intseq' ? 13 : 14;
      out.value = Array.from({ length: n }, (_, i) => start + i * step);
    } else if (kind === 'deferred_string') {
      const original = (state.value as Array<[string, RValue]>)[0]?.[1];
      out.type = 16;
      out.value = ((original?.value as unknown[]) ?? []).map((x) => (x === null ? null : String(x)));
    } else if (kind.startsWith('wrap_')) {
      const wrapped = (state.value as RValue[])[0];
      out.type = wrapped?.type ?? 0;
      out.value = wrapped?.value ?? null;
      for (const [k, v] of wrapped?.attributes ?? []) out.attributes.set(k, v);
    } else throw new Error(`rds: unsupported ALTREP class ${kind}`);
    for (const [tag, v] of pairs(attr)) out.attributes.set(tag, v);
    return out;
  }
}

/** The tagged cells of a pairlist (attributes, environment frames). */
function pairs(list: RValue): Array<[string, RValue]> {
  return Array.isArray(list.value) && list.type !== 19 ? (list.value as Array<[string, RValue]>) : [];
}

/**
 * Parse an .rds file (gzip-compressed or not).
 *
 * @throws when the data is not XDR serialisation or holds a kind of object this reader does not know
 */
export function readRds(data: Buffer): RValue {
  const raw = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
  if (raw.toString('latin1', 0, 2) !== 'X\n')
    throw new Error('rds: not XDR serialisation (no "X\\n" header)');
  const reader = new Reader(raw.subarray(2));
  const version = reader.int();
  reader.int();
  reader.int();
  if (version === 3) {
    reader.skip(reader.int());
  } else if (version !== 2) throw new Error(`rds: serialisation version ${version} is not supported`);
  return reader.item();
}
