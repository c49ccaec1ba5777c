import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { env, type Settings } from '../../src/node/env.ts';
import { OUTPUT } from './buildSite.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { serveStatic, type StaticSite } from './serveStatic.ts';

/** Where the browser suite writes its screenshots and PDF (named in the README). */
export const SCREENSHOTS = join(OUTPUT, 'screenshots');

const installHint = (path: string) =>
  `Chromium not found at ${path}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`;

/**
 * Whether the browser suite can run here. Under CI a missing browser is an error (`.ci/run` installs it);
 * locally the suite is skipped with the install instruction printed.
 */
export function browserAvailable(path = CHROMIUM_PATH, { ci }: Pick<Settings, 'ci'> = env, warn = console.warn): boolean {
  if (existsSync(path)) return true;
  if (ci) throw new Error(`${installHint(path)} Under CI the browser suite must run.`);
  warn(`\n[browser tests skipped] ${installHint(path)}\n`);
  return false;
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** For a describe block: Chromium and the built folder served on 127.0.0.1, started before its tests and closed after. */
export function useBrowserOnSite(dist: string): { browser: Browser; site: StaticSite } {
  const session = {} as { browser: Browser; site: StaticSite };
  beforeAll(async () => {
    [session.browser, session.site] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}

export type ColorScheme = 'light' | 'dark';

/** A browser context with the given viewport width and colour scheme (`prefers-color-scheme`). */
export function openContext(
  browser: Browser,
  width: number,
  colorScheme: ColorScheme = 'light',
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: width < 600 ? 780 : 900 },
    colorScheme,
    reducedMotion: 'reduce',
    ...options,
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
