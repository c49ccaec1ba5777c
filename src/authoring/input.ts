import { AuthoringError } from './errors.ts';
import { CONTROL } from '../schemas/text.ts';

/** The largest input accepted: a saved news page is far below it; anything larger is not one article. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type InputFormat = 'txt' | 'md' | 'html';

/** The format of an input file from its extension. */
export function formatOf(path: string): InputFormat {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  throw new AuthoringError(`${path}: unknown file type "${ext ? `.${ext}` : 'none'}"; give a .txt, .md or .html file`);
}

/**
 * The text of an input file: UTF-8 (a byte-order mark is dropped), line endings made `\n`. A file that is
 * empty, too large, binary (a NUL byte) or not UTF-8 is refused with a message saying so.
 */
export function decodeInput(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new AuthoringError(
      `${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; an article file may be at most 5 MB. Save only the article (its text, or the page without images and scripts)`,
    );
  }
  if (bytes.includes(0))
    throw new AuthoringError(`${name} is a binary file (it contains NUL bytes), not text; give the article as .txt, .md or .html`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AuthoringError(`${name} is not UTF-8 text; save it as UTF-8 (in most editors: "Save as…", encoding UTF-8) and try again`);
  }
  // Control characters (other than tab and line breaks) are no text a reader sees, and the checker refuses them.
  text = text.replace(/\r\n?/g, '\n').replace(new RegExp(CONTROL.source, 'g'), '');
  if (text.trim() === '') throw new AuthoringError(`${name} is empty: there is no article text to import`);
  return text;
}
