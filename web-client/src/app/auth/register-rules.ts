import { ValidatorFn, Validators } from '@angular/forms';

import type { ErrorMessages } from '../shared/form-state';

/** The API's registration rules (API.md, "Register"), checked before the request is sent. */
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;
export const USERNAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
export const EMAIL_MAX_LENGTH = 100;
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Valid when the value equals the sibling control's (`mismatch` error). */
export function sameAs(sibling: string): ValidatorFn {
  return (control) =>
    control.value === control.parent?.get(sibling)?.value ? null : { mismatch: true };
}

/** Invalid when the value equals a sibling's, ignoring case (`sameAs<Sibling>` error). */
export function differentFrom(...siblings: string[]): ValidatorFn {
  return (control) => {
    const value = String(control.value ?? '').toLowerCase();
    for (const sibling of siblings) {
      const other = String(control.parent?.get(sibling)?.value ?? '').toLowerCase();
      if (value !== '' && value === other) {
        return { [`sameAs${sibling[0].toUpperCase()}${sibling.slice(1)}`]: true };
      }
    }
    return null;
  };
}

export const usernameValidators: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(USERNAME_MIN_LENGTH),
  Validators.maxLength(USERNAME_MAX_LENGTH),
  Validators.pattern(USERNAME_PATTERN),
];

export const emailValidators: ValidatorFn[] = [
  Validators.required,
  Validators.maxLength(EMAIL_MAX_LENGTH),
  Validators.pattern(EMAIL_PATTERN),
];

export const passwordValidators: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
  differentFrom('username', 'email'),
];

/** What a new password's field says for each rule it breaks (registration, password change). */
export const PASSWORD_MESSAGES: ErrorMessages = {
  required: 'Enter a password.',
  minlength: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
  maxlength: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
  sameAsUsername: 'The password must not be the same as the username.',
  sameAsEmail: 'The password must not be the same as the email address.',
};
