/**
 * WOFF 1.0 → SFNT (TrueType / OpenType) decoder, for build-time tools that read only plain font files (resvg, for
 * the link-preview images: scripts/vite/preview-image.ts). Each table of a WOFF file is stored as it is or
 * zlib-compressed; decoding inflates the compressed ones and writes the sfnt header, its table directory and the
 * tables, each padded to 4 bytes, as https://www.w3.org/TR/WOFF/ describes. The checksums are the WOFF directory's,
 * which are those of the original tables.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/** A table of the font, as the WOFF directory lists it. */
export interface WoffTable {
  tag: string;
  offset: number;
  compLength: number;
  origLength: number;
  checksum: number;
}

export interface WoffFont {
  /** The sfnt version: 0x00010000 for TrueType outlines, 'OTTO' (0x4f54544f) for CFF. */
  flavor: number;
  tables: WoffTable[];
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Reads a WOFF file's header and table directory; `name` is used in error messages. */
export function parseWoff(woff: Buffer, name = 'font'): WoffFont {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error(`${name}: not a WOFF 1.0 file (no 'wOFF' signature)`);
  }
  if (woff.readUInt32BE(8) !== woff.length) throw new Error(`${name}: WOFF header gives ${woff.readUInt32BE(8)} bytes, the file has ${woff.length}`);
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  if (woff.length < WOFF_HEADER + numTables * WOFF_ENTRY) throw new Error(`${name}: WOFF table directory is truncated`);
  const tables: WoffTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const table: WoffTable = {
      tag: woff.toString('latin1', at, at + 4),
      offset: woff.readUInt32BE(at + 4),
      compLength: woff.readUInt32BE(at + 8),
      origLength: woff.readUInt32BE(at + 12),
      checksum: woff.readUInt32BE(at + 16),
    };
    if (table.offset + table.compLength > woff.length) throw new Error(`${name}: WOFF table '${table.tag}' runs past the end of the file`);
    if (table.compLength > table.origLength) throw new Error(`${name}: WOFF table '${table.tag}' is longer compressed than whole`);
    tables.push(table);
  }
  return { flavor, tables };
}

/** The table's original bytes: inflated when it is stored compressed. */
function tableData(woff: Buffer, table: WoffTable, name: string): Buffer {
  const stored = woff.subarray(table.offset, table.offset + table.compLength);
  if (table.compLength === table.origLength) return stored;
  const data = inflateSync(stored);
  if (data.length !== table.origLength) throw new Error(`${name}: WOFF table '${table.tag}' inflates to ${data.length} bytes, not ${table.origLength}`);
  return data;
}

/** Decodes a WOFF 1.0 font to the SFNT (TTF or OTF) bytes it was made from. */
export function woffToSfnt(woff: Buffer, name = 'font'): Buffer {
  const { flavor, tables } = parseWoff(woff, name);
  const numTables = tables.length;
  const entrySelector = numTables > 0 ? Math.floor(Math.log2(numTables)) : 0;
  const searchRange = 2 ** entrySelector * 16;
  // The sfnt directory is sorted by tag; a WOFF file's directory already is, but its table data need not be in that order.
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const data = sorted.map((t) => tableData(woff, t, name));
  const headerLength = SFNT_HEADER + numTables * SFNT_ENTRY;
  const total = data.reduce((sum, d) => sum + align4(d.length), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerLength;
  sorted.forEach((table, i) => {
    const d = data[i]!;
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.write(table.tag, at, 4, 'latin1');
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(d.length, at + 12);
    d.copy(out, offset);
    offset += align4(d.length);
  });
  return out;
}

/** Reads a WOFF file and decodes it; errors name the file. */
export function readWoffAsSfnt(path: string): Buffer {
  return woffToSfnt(readFileSync(path), path);
}

/**
 * The WOFF file decoded into `dir` (which must exist) as `<name>.ttf` or `.otf`, for tools that take font paths.
 * Written only when missing or different, through a temporary file, so parallel builds never read half a font.
 */
export function sfntFile(woffPath: string, dir: string): string {
  const sfnt = readWoffAsSfnt(woffPath);
  const out = join(dir, `${basename(woffPath, '.woff')}${sfnt.readUInt32BE(0) === 0x4f54544f ? '.otf' : '.ttf'}`);
  if (existsSync(out) && readFileSync(out).equals(sfnt)) return out;
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, sfnt);
  renameSync(temp, out);
  return out;
}
