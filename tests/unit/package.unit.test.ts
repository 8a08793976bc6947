import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeZip } from '../../scripts/package.mjs';

const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

describe('the zip writer of npm run package (used where the system has no zip)', () => {
  it.skipIf(!hasUnzip)('writes an archive that unzip extracts byte for byte, inside one folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-test-'));
    const site = path.join(root, 'site');
    const files: Record<string, Buffer> = {
      'index.html': Buffer.from('<!doctype html><title>الحسكة</title>\n'.repeat(50)),
      'assets/app-1a2b.js': Buffer.from('console.log(1);'),
      'data/empty.json': Buffer.alloc(0),
      'icons/icon.png': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'static/ar/خريطة.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    };
    for (const [rel, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
      fs.writeFileSync(path.join(site, rel), data);
    }
    const zip = path.join(root, 'story-9.9.9.zip');
    writeZip(site, zip, 'story-9.9.9');

    expect(spawnSync('unzip', ['-tq', zip], { encoding: 'utf8' }).status).toBe(0);
    const out = path.join(root, 'out');
    expect(spawnSync('unzip', ['-q', zip, '-d', out]).status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['story-9.9.9']);
    for (const [rel, data] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(out, 'story-9.9.9', rel)).equals(data), rel).toBe(true);
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
});
