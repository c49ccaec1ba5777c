import type { z } from 'astro/zod';
import { type ContentIssue, showValue } from './contentIssues.ts';

// Zod's issues as an editor reads them, like Starlight's `utils/error-map.ts`: the entry, the field, the value, the fix.

/** Turns one Zod issue into a sentence naming the entry, the field, the value and the fix. */
export function schemaIssue(file: string, data: unknown, issue: z.core.$ZodIssue): ContentIssue {
  const path = issue.path.map(String);
  let entry: string | undefined;
  let fieldPath = path;
  if ((path[0] === 'claims' || path[0] === 'parties') && path.length >= 2 && /^\d+$/.test(path[1]!)) {
    const item = valueAt(data, path.slice(0, 2));
    const id = isRecord(item) && typeof item.id === 'string' ? ` "${item.id}"` : '';
    entry = `${path[0]}[${path[1]}]${id}`;
    fieldPath = path.slice(2);
  }
  const field = fieldPath.reduce((out, key) => (/^\d+$/.test(key) ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
  const value = valueAt(data, path);
  const prefix = field ? `${field}: ` : '';
  const base = { severity: 'error' as const, file, entry };

  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return { ...base, message: `${prefix}required field is missing`, fix: `add \`${field || path.join('.')}\` (${issue.expected})` };
      }
      return {
        ...base,
        message: `${prefix}${showValue(value)} is not ${withArticle(issue.expected)}`,
        fix: `write ${withArticle(issue.expected)}`,
      };
    case 'invalid_value':
      return {
        ...base,
        message: `${prefix}${showValue(value)} is not an allowed value`,
        fix: `use one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return {
        ...base,
        message: `${prefix}${showValue(value)} is neither a string nor a list of strings`,
        fix: 'write one span of the text in quotes, or a list of spans: [“first words”, “later words”]',
      };
    case 'unrecognized_keys':
      return {
        ...base,
        message: `${prefix}unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
        fix: 'check the spelling against the fields listed in the README',
      };
    case 'too_small':
      return { ...base, message: `${prefix}${issue.message}`, fix: Array.isArray(value) ? 'add at least one item' : 'fill it in' };
    default:
      return { ...base, message: `${prefix}${issue.message}${value === undefined ? '' : ` (got ${showValue(value)})`}` };
  }
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
