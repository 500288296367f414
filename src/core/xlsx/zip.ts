import { deflateSync, inflateSync } from "fflate";

/**
 * The zip container of an .xlsx, read and written entry by entry. Reading checks every entry it inflates
 * against its declared size and CRC-32, so a truncated or damaged file is reported rather than read as
 * less than it holds; writing copies untouched entries' compressed bytes as they are. Only `Uint8Array`s:
 * this runs in a browser as in Node. (fflate inflates and deflates; the container is small enough to own.)
 */

export class ZipError extends Error {
  override name = "ZipError";
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** MS-DOS time and date, kept for copies. */
  time: number;
  date: number;
  /** The compressed bytes. */
  raw: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x0800;
const ENCRYPTED_FLAG = 0x0001;
const MAX32 = 0xffffffff;

/** CRC-32 tables for slicing by 8 bytes (eight lookups per 8 bytes instead of one per byte). */
const CRC_TABLES = (() => {
  const tables = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n += 1)
    for (let t = 1; t < 8; t += 1) {
      const previous = tables[(t - 1) * 256 + n] as number;
      tables[t * 256 + n] = (tables[previous & 0xff] as number) ^ (previous >>> 8);
    }
  return tables;
})();

export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let crc = -1;
  let i = 0;
  for (const end = data.length - 8; i <= end; i += 8) {
    const a =
      crc ^
      ((data[i] as number) |
        ((data[i + 1] as number) << 8) |
        ((data[i + 2] as number) << 16) |
        ((data[i + 3] as number) << 24));
    crc =
      (t[1792 + (a & 0xff)] as number) ^
      (t[1536 + ((a >>> 8) & 0xff)] as number) ^
      (t[1280 + ((a >>> 16) & 0xff)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (data[i + 4] as number)] as number) ^
      (t[512 + (data[i + 5] as number)] as number) ^
      (t[256 + (data[i + 6] as number)] as number) ^
      (t[data[i + 7] as number] as number);
  }
  for (; i < data.length; i += 1) crc = (t[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const utf8 = new TextDecoder("utf-8");

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEnd(bytes: Uint8Array, data: DataView): number {
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at -= 1) if (data.getUint32(at, true) === END) return at;
  throw new ZipError("end of central directory not found (the file is truncated or not a zip)");
}

/** Sizes and offset that do not fit 32 bits are in the entry's zip64 extra field, in this order. */
function zip64Values(data: DataView, extra: number, extraEnd: number, wanted: boolean[]): number[] {
  for (let at = extra; at + 4 <= extraEnd;) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      let field = at + 4;
      for (const want of wanted) {
        if (!want) continue;
        values.push(Number(data.getBigUint64(field, true)));
        field += 8;
      }
      return values;
    }
    at += 4 + length;
  }
  throw new ZipError("zip64 sizes missing");
}

/** Every entry of a zip, in central-directory order, its bytes still compressed. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const end = findEnd(bytes, data);
  let count = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  if (end >= 20 && data.getUint32(end - 20, true) === END64_LOCATOR) {
    const end64 = Number(data.getBigUint64(end - 12, true));
    if (data.getUint32(end64, true) !== END64) throw new ZipError("zip64 end record not found");
    count = Number(data.getBigUint64(end64 + 32, true));
    at = Number(data.getBigUint64(end64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL)
      throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const flags = data.getUint16(at + 8, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = data.getUint32(at + 20, true);
    let size = data.getUint32(at + 24, true);
    let offset = data.getUint32(at + 42, true);
    const wide = [size === MAX32, compressedSize === MAX32, offset === MAX32];
    if (wide.some(Boolean)) {
      const extra = at + 46 + nameLength;
      const values = zip64Values(data, extra, extra + extraLength, wide);
      if (wide[0]) size = values.shift() as number;
      if (wide[1]) compressedSize = values.shift() as number;
      if (wide[2]) offset = values.shift() as number;
    }
    if (flags & ENCRYPTED_FLAG) throw new ZipError(`entry ${name} is encrypted`);
    if (offset + 30 > bytes.length || data.getUint32(offset, true) !== LOCAL)
      throw new ZipError(`local header of ${name} not found`);
    const start = offset + 30 + data.getUint16(offset + 26, true) + data.getUint16(offset + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipError(`entry ${name} is truncated`);
    entries.push({
      name,
      method: data.getUint16(at + 10, true),
      crc: data.getUint32(at + 16, true),
      compressedSize,
      size,
      time: data.getUint16(at + 12, true),
      date: data.getUint16(at + 14, true),
      raw: bytes.subarray(start, start + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content, checked against its declared size and CRC-32. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  let content: Uint8Array;
  if (entry.method === 0) content = entry.raw;
  else if (entry.method === 8) {
    try {
      // Inflating into the declared size never grows past it: a lying size shows as a wrong CRC below.
      content = inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
    } catch (error) {
      throw new ZipError(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else throw new ZipError(`${entry.name}: unknown compression method ${entry.method}`);
  if (content.length !== entry.size) throw new ZipError(`${entry.name}: uncompressed data size mismatch`);
  if (crc32(content) !== entry.crc) throw new ZipError(`${entry.name}: CRC-32 mismatch`);
  return content;
}

/** Raw deflate. fflate's by default, which runs anywhere; a caller with a native one may pass it (5× faster). */
export type Deflate = (data: Uint8Array) => Uint8Array;

export const pureDeflate: Deflate = (data) => deflateSync(data, { level: 6 });

/** What `writeZip` writes: an entry copied as it was, or new content under a name. */
export type ZipOutput = ZipEntry | { name: string; content: Uint8Array; like?: ZipEntry };

/** 1980-01-01 00:00, the zip epoch: new entries get a fixed time so that a copy is reproducible. */
const DOS_EPOCH = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

function asEntry(output: ZipOutput, deflate: Deflate): ZipEntry {
  if ("raw" in output) return output;
  const raw = deflate(output.content);
  return {
    name: output.name,
    method: 8,
    crc: crc32(output.content),
    compressedSize: raw.length,
    size: output.content.length,
    time: output.like?.time ?? DOS_EPOCH.time,
    date: output.like?.date ?? DOS_EPOCH.date,
    raw,
  };
}

const utf8Encoder = new TextEncoder();

/** A zip of these entries, in this order. Workbooks stay far below 4 GB: no zip64 on writing. */
export function writeZip(outputs: ZipOutput[], deflate: Deflate = pureDeflate): Uint8Array {
  const entries = outputs.map((output) => asEntry(output, deflate));
  const names = entries.map((e) => utf8Encoder.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => {
    size += 30 + 46 + 2 * (names[i] as Uint8Array).length + e.raw.length;
  });
  if (size > MAX32) throw new ZipError("the copy would exceed 4 GB");
  const out = new Uint8Array(size);
  const data = view(out);
  const offsets: number[] = [];
  let at = 0;
  const header = (e: ZipEntry, name: Uint8Array, central: boolean) => {
    const flags = name.some((b) => b > 0x7f) ? UTF8_FLAG : 0;
    let field = at;
    data.setUint32(field, central ? CENTRAL : LOCAL, true);
    field += 4;
    if (central) {
      data.setUint16(field, 20, true);
      field += 2;
    }
    data.setUint16(field, 20, true);
    data.setUint16(field + 2, flags, true);
    data.setUint16(field + 4, e.method, true);
    data.setUint16(field + 6, e.time, true);
    data.setUint16(field + 8, e.date, true);
    data.setUint32(field + 10, e.crc, true);
    data.setUint32(field + 14, e.compressedSize, true);
    data.setUint32(field + 18, e.size, true);
    data.setUint16(field + 22, name.length, true);
    field += 26;
    if (central) field += 14;
    out.set(name, field);
    at = field + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, names[i] as Uint8Array, false);
    out.set(e.raw, at);
    at += e.raw.length;
  });
  const directory = at;
  entries.forEach((e, i) => {
    const start = at;
    header(e, names[i] as Uint8Array, true);
    data.setUint32(start + 42, offsets[i] as number, true);
  });
  data.setUint32(at, END, true);
  data.setUint16(at + 8, entries.length, true);
  data.setUint16(at + 10, entries.length, true);
  data.setUint32(at + 12, at - directory, true);
  data.setUint32(at + 16, directory, true);
  return out;
}
