import { HttpErrorResponse } from '@angular/common/http';

/** An RFC 9457 problem as the API sends it (`application/problem+json`). */
export type Problem = import('../api/schema').components['schemas']['ProblemDetails'];

/** The problem `type` of the API's CSRF refusal; its title is wording for people and may change. */
export const CSRF_PROBLEM_TYPE = 'https://blog.example/problems/csrf';

export function problemOf(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = error.error;
  return body !== null && typeof body === 'object' && 'title' in body ? (body as Problem) : null;
}

export function isCsrfRefusal(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 400 &&
    problemOf(error)?.type === CSRF_PROBLEM_TYPE
  );
}

/** A sentence for the user about a failed request, for errors no screen handles specially. */
export function describeError(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'Cannot reach the server. Check your connection and try again.';
  }
  const problem = problemOf(error);
  if (problem?.detail) {
    return problem.detail;
  }
  if (error instanceof HttpErrorResponse && error.status >= 500) {
    return 'Something went wrong on the server. Please try again.';
  }
  return problem?.title ?? 'Something went wrong. Please try again.';
}

/**
 * The first message per field of a validation problem, keyed by field name.
 * The API names fields in camelCase; a message without a known field ends up under `''`.
 */
export function fieldErrorsOf(error: unknown, fields: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  const errors = problemOf(error)?.errors ?? {};
  for (const [key, messages] of Object.entries(errors)) {
    const field = fields.find((name) => name.toLowerCase() === key.toLowerCase()) ?? '';
    if (messages.length > 0 && !(field in result)) {
      result[field] = messages[0];
    }
  }
  return result;
}
