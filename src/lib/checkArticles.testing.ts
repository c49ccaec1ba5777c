// What the tests of the content check share: run the real checks on article sources, read the result.
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { type ContentIssue, errorsIn, formatIssue } from './contentIssues.ts';
import { checkArticles } from './checkArticles.ts';

/** Runs the real checks and returns every issue as the editor reads it. */
export function messages(...sources: ReturnType<typeof validSource>[]): string[] {
  return checkArticles(sources).issues.map(formatIssue);
}

/** Runs the real checks and returns the errors. */
export function errorsOf(...sources: ReturnType<typeof validSource>[]): ContentIssue[] {
  return errorsIn(checkArticles(sources).issues);
}
