import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { socialImagePng } from './socialImage.ts';

const card = { title: 'Pakistan rejects an accusation', subtitle: '2 claims by 2 parties', siteName: 'Standpoint' };
/** Width and height from a PNG's IHDR chunk. */
const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('socialImagePng', () => {
  const dirs: string[] = [];
  const cacheDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'standpoint-social-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('draws a 1200×630 PNG, the same bytes every time', async () => {
    const png = await socialImagePng(card);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(size(png)).toEqual([1200, 630]);
    expect((await socialImagePng(card)).equals(png)).toBe(true);
  });

  it('keeps each drawn PNG in the cache folder and serves it from there on the next build', async () => {
    const dir = cacheDir();
    const drawn = await socialImagePng(card, dir);
    const [file] = readdirSync(join(dir, 'social-images'));
    expect(file).toMatch(/^[0-9a-f]{64}\.png$/);
    expect((await socialImagePng(card)).equals(drawn)).toBe(true);
    // Served from the cache: a marker written into the cached file comes back.
    writeFileSync(join(dir, 'social-images', file!), 'cached');
    expect((await socialImagePng(card, dir)).toString()).toBe('cached');
  });

  it('draws a changed card anew, under another name', async () => {
    const dir = cacheDir();
    await socialImagePng(card, dir);
    const changed = await socialImagePng({ ...card, subtitle: '3 claims by 2 parties' }, dir);
    expect(readdirSync(join(dir, 'social-images')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(size(changed)).toEqual([1200, 630]);
  });
});
