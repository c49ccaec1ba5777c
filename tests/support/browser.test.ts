import { describe, expect, it, vi } from 'vitest';
import { browserAvailable } from './browser.ts';

describe('browserAvailable', () => {
  const missing = '/nonexistent/chromium';

  it('fails under CI when the browser is missing, saying how to install it', () => {
    expect(() => browserAvailable(missing, { ci: true })).toThrow(
      /Chromium not found at \/nonexistent\/chromium\. Install .*apt-get install -y chromium.*Under CI/,
    );
  });

  it('skips locally with the install instruction', () => {
    const warn = vi.fn();
    expect(browserAvailable(missing, { ci: false }, warn)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sudo apt-get install -y chromium'));
  });

  it('runs when the browser is there', () => {
    expect(browserAvailable(process.execPath, { ci: true })).toBe(true);
  });
});
