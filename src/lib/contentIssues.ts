/** One problem found in the content, located for the editor who must fix it. */
export interface ContentIssue {
  severity: 'error' | 'warning';
  /** The file, relative to the project root. */
  file: string;
  /** The entry, e.g. `claims[3] "taliban-accuses"`, or `body`. */
  entry?: string;
  /** What is wrong, naming the offending value. */
  message: string;
  /** What would fix it. */
  fix?: string;
}

/** Reports an issue of one file: the entry, what is wrong and what would fix it. */
export type Report = (entry: string | undefined, message: string, fix?: string) => void;

/** The errors among the issues (the others are warnings). */
export function errorsIn(issues: readonly ContentIssue[]): ContentIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

/** Whether any issue is an error: errors stop a build, warnings do not. */
export function hasErrors(issues: readonly ContentIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** A claim as messages name it: `claims[3] "taliban-accuses"`. */
export function claimEntry(claim: { id: string }, index: number): string {
  return `claims[${index}] "${claim.id}"`;
}

/** A party as messages name it: `parties[0] "pakistan"`. */
export function partyEntry(party: { id: string }, index: number): string {
  return `parties[${index}] "${party.id}"`;
}

/** One issue as a block of text: `file › entry: message` and an indented fix line. */
export function formatIssue(issue: ContentIssue): string {
  const where = issue.entry ? `${issue.file} › ${issue.entry}` : issue.file;
  const head = `${issue.severity}: ${where}: ${issue.message}`;
  return issue.fix ? `${head}\n    fix: ${issue.fix}` : head;
}

/** All issues of a run as one report, errors first, with a closing count. */
export function formatReport(issues: readonly ContentIssue[]): string {
  const errors = errorsIn(issues);
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const lines = [...errors, ...warnings].map(formatIssue);
  lines.push(`${errors.length} error(s), ${warnings.length} warning(s)`);
  return lines.join('\n');
}

/** Quotes a value for a message the way the editor typed it; objects and arrays as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // Invisible characters (zero-width, direction marks) written as escapes, so that the message shows them.
  // JSON.stringify gives undefined only for a function or a symbol: their own text then.
  const shown = (JSON.stringify(value) ?? (value as symbol | (() => unknown)).toString()).replace(
    /\p{Cf}/gu,
    (char) => `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  // A long value is cut: the message names it, and a 1 MB field must not make a 1 MB message.
  return shown.length > 80 ? `${shown.slice(0, 80)}… (${shown.length} characters)` : shown;
}

/** The error thrown when content has errors: its message is the whole report. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(`Standpoint found errors in the content:\n${formatReport(issues)}`);
    this.name = 'ContentError';
    this.issues = issues;
  }
}
