import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';

const require = createRequire(import.meta.url);
/** Fonts shipped in an npm package, so every machine draws the same image without system fonts. */
const fonts = [400, 700].map((weight) => ({
  name: 'Inter',
  weight: weight as 400 | 700,
  style: 'normal' as const,
  data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
}));

export interface SocialCard {
  title: string;
  /** e.g. "26 claims by 7 parties". */
  subtitle: string;
  siteName: string;
}

type Node = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children: unknown): Node => ({ type, props: { style, children } });

/** What else decides the PNG's bytes besides the SVG: the rasteriser's version and its options. */
const RASTER_OPTIONS = { fitTo: { mode: 'width' as const, value: 1200 } };
const RASTERISER = `resvg-js ${(require('@resvg/resvg-js/package.json') as { version: string }).version} ${JSON.stringify(RASTER_OPTIONS)}`;

/**
 * A 1200×630 PNG preview for social sites, drawn at build time with no external service.
 * With `cacheDir`, the PNG is kept under a hash of its SVG (which captures the card, its layout and the fonts)
 * and the rasteriser, so a rebuild rasterises only cards that changed, with the same bytes as a clean build.
 */
export async function socialImagePng(card: SocialCard, cacheDir?: string): Promise<Buffer> {
  const tree = el(
    'div',
    {
      width: 1200,
      height: 630,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#fdfcf9',
      color: '#1d1c1a',
      fontFamily: 'Inter',
      borderLeft: '24px solid #a57a00',
    },
    [
      el('div', { fontSize: 30, fontWeight: 700, letterSpacing: 2, color: '#57534b', textTransform: 'uppercase' }, card.siteName),
      el('div', { display: 'flex', width: 1030, fontSize: card.title.length > 80 ? 54 : 64, fontWeight: 700, lineHeight: 1.15 }, card.title),
      el('div', { display: 'flex', width: 1030, fontSize: 32, color: '#57534b' }, card.subtitle),
    ],
  );
  const svg = await satori(tree as never, { width: 1200, height: 630, fonts });
  const cached = cacheDir && join(cacheDir, 'social-images', `${createHash('sha256').update(RASTERISER).update(svg).digest('hex')}.png`);
  if (cached && existsSync(cached)) return readFileSync(cached);
  // Rasterised on libuv's thread pool, so with build.concurrency > 1 images draw while other pages render.
  const png = (await renderAsync(svg, RASTER_OPTIONS)).asPng();
  if (cached) {
    mkdirSync(join(cacheDir, 'social-images'), { recursive: true });
    // Written whole, then renamed: a build that stops half-way never leaves a truncated PNG behind.
    writeFileSync(`${cached}.tmp`, png);
    renameSync(`${cached}.tmp`, cached);
  }
  return png;
}
