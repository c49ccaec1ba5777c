import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** A 1200×630 PNG preview for social sites, drawn at build time with no external service. */
export async function socialImagePng(card: SocialCard): Promise<Buffer> {
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
  // Rasterised on libuv's thread pool, so with build.concurrency > 1 images draw while other pages render.
  return (await renderAsync(svg, { fitTo: { mode: 'width', value: 1200 } })).asPng();
}
