import { HttpErrorResponse } from '@angular/common/http';

import { describeError, fieldErrorsOf, isCsrfRefusal, problemOf } from './problem';
import { problem } from './testing';

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/v1/x' });
}

describe('problem', () => {
  it('reads the problem body of an HTTP error', () => {
    expect(problemOf(httpError(404, problem(404, 'Not Found')))?.title).toBe('Not Found');
    expect(problemOf(httpError(502, 'Bad gateway'))).toBeNull();
    expect(problemOf(new Error('boom'))).toBeNull();
  });

  it('recognises a CSRF refusal by status and problem type, not by its wording', () => {
    const csrf = { type: 'https://blog.example/problems/csrf' };
    expect(
      isCsrfRefusal(httpError(400, problem(400, 'Invalid or missing CSRF token.', csrf))),
    ).toBe(true);
    expect(isCsrfRefusal(httpError(400, problem(400, 'Any other wording.', csrf)))).toBe(true);
    expect(isCsrfRefusal(httpError(400, problem(400, 'Invalid or missing CSRF token.')))).toBe(
      false,
    );
    expect(
      isCsrfRefusal(
        httpError(
          400,
          problem(400, 'One or more validation errors occurred.', {
            type: 'https://blog.example/problems/validation',
          }),
        ),
      ),
    ).toBe(false);
    expect(
      isCsrfRefusal(httpError(403, problem(403, 'Invalid or missing CSRF token.', csrf))),
    ).toBe(false);
  });

  it('describes errors for people', () => {
    expect(describeError(httpError(0, null))).toContain('Cannot reach the server');
    expect(
      describeError(
        httpError(401, problem(401, 'Unauthorized', { detail: 'Wrong username or password.' })),
      ),
    ).toBe('Wrong username or password.');
    expect(
      describeError(
        httpError(500, problem(500, 'An error occurred while processing your request.')),
      ),
    ).toContain('Something went wrong on the server');
  });

  it('maps camelCase field errors to form fields, the rest to the empty key', () => {
    const error = httpError(
      400,
      problem(400, 'One or more validation errors occurred.', {
        errors: {
          username: ['The username is already taken.', 'second'],
          Password: ['Too common.'],
          other: ['Other.'],
        },
      }),
    );
    expect(fieldErrorsOf(error, ['username', 'email', 'password'])).toEqual({
      username: 'The username is already taken.',
      password: 'Too common.',
      '': 'Other.',
    });
  });
});
