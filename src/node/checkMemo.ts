import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CheckedFile } from './runContentCheck.ts';

/**
 * The cache folder's memo of the content check: each article file's check (its source, checked article and
 * issues), under a hash of the file's text, in one file (V8's serialization, deflated). A rebuild reads every file again (its name and place are
 * checked again, as its text is read) and checks only those whose text changed; the checks across articles always
 * run. The memo holds one key, made of the checker's code and the folder (`checkerDigest`): any change to either
 * and every file is checked again.
 */
export interface CheckMemo {
  /** The memo's file, in the cache folder. */
  path: string;
  key: string;
}

/** What the memo keeps a file's check under: a hash of its text. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** The files' checks the memo holds under its key, by file name; none when it is missing, from other code, unreadable or not a memo. */
export function loadCheckMemo({ path, key }: CheckMemo): Map<string, CheckedFile> {
  let stored: unknown;
  try {
    stored = deserialize(inflateRawSync(readFileSync(path)));
  } catch {
    return new Map();
  }
  const { key: storedKey, files } = (stored ?? {}) as { key?: unknown; files?: unknown };
  if (storedKey !== key || !Array.isArray(files) || !files.every(isCheckedFile)) return new Map();
  return new Map(files.map((file) => [file.name, file]));
}

function isCheckedFile(value: unknown): value is CheckedFile {
  const file = value as Partial<CheckedFile> | null;
  return (
    typeof file?.name === 'string' && typeof file.hash === 'string' && Array.isArray(file.readIssues) && Array.isArray(file.checkIssues)
  );
}

/**
 * Keeps the checks of the files read (written whole, then renamed: a build stopped halfway leaves the last memo).
 * The memo only saves time: when it cannot be written (a full disk, a read-only cache folder), the reason is
 * returned for the build to show as a warning, and the build goes on.
 */
export function saveCheckMemo({ path, key }: CheckMemo, files: readonly CheckedFile[]): string | undefined {
  const staging = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Compressed fast: 49 MB → 5.3 MB at 1,000 articles, in about 0.12 s (0.11 s to read back).
    writeFileSync(staging, deflateRawSync(serialize({ key, files: files.filter((file) => file.hash !== undefined) }), { level: 1 }));
    renameSync(staging, path);
    return undefined;
  } catch (error) {
    return `the content check's memo could not be kept in ${path} (${(error as Error).message}); the next build checks every file again`;
  } finally {
    if (existsSync(staging)) rmSync(staging);
  }
}
