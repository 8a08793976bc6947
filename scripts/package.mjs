// `npm run package`: the built site (dist/) as one zip to hand to someone, story-<version>.zip, with everything in a
// folder of the same name. Uses the system `zip` when there is one, else the small zip writer below (no dependency).
//   node scripts/package.mjs [--dir dist] [--out .] [--node]
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** Files under a folder, relative paths with forward slashes, sorted so the archive is stable. */
function listFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => fs.statSync(path.join(dir, rel)).isFile())
    .sort();
}

/** CRC-32 of a buffer, as zip wants it (Node's zlib computes it). */
const crc32 = (buf) => zlib.crc32(buf);

/** MS-DOS date and time, as zip stores them. */
function dosDateTime(date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/**
 * Writes a zip (deflate, no zip64: the site is a few MB) of every file under `dir`, each stored as `<prefix>/<path>`.
 * @param {string} dir @param {string} out @param {string} prefix
 */
export function writeZip(dir, out, prefix) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const rel of listFiles(dir)) {
    const file = path.join(dir, rel);
    const data = fs.readFileSync(file);
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length < data.length;
    const body = stored ? deflated : data;
    const name = Buffer.from(`${prefix}/${rel}`, 'utf8');
    const crc = crc32(data);
    const { time, day } = dosDateTime(fs.statSync(file).mtime);
    const method = stored ? 8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(day, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(out, Buffer.concat([...chunks, ...central, end]));
}

/** Zips with the system `zip`; returns false when there is none. */
function systemZip(dir, out, prefix) {
  if (spawnSync('zip', ['-v'], { stdio: 'ignore' }).status !== 0) return false;
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'story-package-'));
  try {
    fs.cpSync(dir, path.join(stage, prefix), { recursive: true });
    const result = spawnSync('zip', ['-r', '-X', '-q', '-9', out, prefix], { cwd: stage, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`zip exited with ${result.status}`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return true;
}

/** Zips `dir` into `<outDir>/<name>.zip`, everything inside a `<name>/` folder. Returns the zip's path. */
export function packageSite({ dir = 'dist', outDir = '.', name, forceNode = false }) {
  const source = path.resolve(dir);
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error(`${dir}/index.html not found: build the site first`);
  fs.mkdirSync(path.resolve(outDir), { recursive: true });
  const out = path.resolve(outDir, `${name}.zip`);
  fs.rmSync(out, { force: true });
  const how = !forceNode && systemZip(source, out, name) ? 'zip' : (writeZip(source, out, name), 'node');
  return { out, how, files: listFiles(source).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const opt = (flag, fallback) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const { out, how, files } = packageSite({
    dir: opt('--dir', 'dist'),
    outDir: opt('--out', '.'),
    name: `story-${version}`,
    forceNode: argv.includes('--node'),
  });
  const kb = (fs.statSync(out).size / 1024).toFixed(0);
  console.log(`${path.relative(process.cwd(), out)}: ${files} files, ${kb} KB (${how}). Unzip it and serve the folder from any static host.`);
}
