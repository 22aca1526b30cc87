import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { merge } from 'rxjs';

import { ErrorMessages, errorMessage, showServerErrors } from '../shared/forms';
import { describeError, fieldErrorsOf } from '../shared/problem';
import {
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
  emailValidators,
  passwordValidators,
  sameAs,
  usernameValidators,
} from './register-rules';
import { Session } from './session';

type Field = 'username' | 'email' | 'repeatEmail' | 'password';

const MESSAGES: Record<Field, ErrorMessages> = {
  username: {
    required: 'Enter a username.',
    minlength: `The username must be ${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters.`,
    maxlength: `The username must be ${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters.`,
    pattern:
      "The username may contain letters, digits, '.', '_' and '-', and must start and end with a letter or digit.",
  },
  email: {
    required: 'Enter an email address.',
    maxlength: `The email address must be at most ${EMAIL_MAX_LENGTH} characters.`,
    pattern: 'Enter a valid email address.',
  },
  repeatEmail: {
    required: 'Enter your email address again.',
    mismatch: 'The email addresses do not match.',
  },
  password: {
    required: 'Enter a password.',
    minlength: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
    maxlength: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
    sameAsUsername: 'The password must not be the same as the username.',
    sameAsEmail: 'The password must not be the same as the email address.',
  },
};

@Component({
  selector: 'app-register',
  imports: [ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row justify-content-center">
      <div class="col-12 col-sm-10 col-md-7 col-lg-5">
        <h1 class="h3 mb-3">Create account</h1>

        @if (error(); as message) {
          <div class="alert alert-danger" role="alert">{{ message }}</div>
        }

        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="mb-3">
            <label for="username" class="form-label">Username</label>
            <input
              id="username"
              class="form-control"
              formControlName="username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck="false"
              [class.is-invalid]="errorFor('username')"
              [attr.aria-invalid]="errorFor('username') ? true : null"
              [attr.aria-describedby]="describedBy('username', 'username-help')"
            />
            <div id="username-help" class="form-text">
              {{ usernameMin }}–{{ usernameMax }} letters, digits, '.', '_' or '-'; starts and ends
              with a letter or digit.
            </div>
            @if (errorFor('username'); as message) {
              <div id="username-error" class="invalid-feedback">{{ message }}</div>
            }
          </div>

          <div class="mb-3">
            <label for="email" class="form-label">Email</label>
            <input
              id="email"
              type="email"
              class="form-control"
              formControlName="email"
              autocomplete="email"
              spellcheck="false"
              [class.is-invalid]="errorFor('email')"
              [attr.aria-invalid]="errorFor('email') ? true : null"
              [attr.aria-describedby]="describedBy('email')"
            />
            @if (errorFor('email'); as message) {
              <div id="email-error" class="invalid-feedback">{{ message }}</div>
            }
          </div>

          <div class="mb-3">
            <label for="repeatEmail" class="form-label">Repeat email</label>
            <input
              id="repeatEmail"
              type="email"
              class="form-control"
              formControlName="repeatEmail"
              autocomplete="email"
              spellcheck="false"
              [class.is-invalid]="errorFor('repeatEmail')"
              [attr.aria-invalid]="errorFor('repeatEmail') ? true : null"
              [attr.aria-describedby]="describedBy('repeatEmail')"
            />
            @if (errorFor('repeatEmail'); as message) {
              <div id="repeatEmail-error" class="invalid-feedback">{{ message }}</div>
            }
          </div>

          <div class="mb-3">
            <label for="password" class="form-label">Password</label>
            <input
              id="password"
              type="password"
              class="form-control"
              formControlName="password"
              autocomplete="new-password"
              [class.is-invalid]="errorFor('password')"
              [attr.aria-invalid]="errorFor('password') ? true : null"
              [attr.aria-describedby]="describedBy('password', 'password-help')"
            />
            <div id="password-help" class="form-text">
              {{ passwordMin }}–{{ passwordMax }} characters. Common passwords are refused.
            </div>
            @if (errorFor('password'); as message) {
              <div id="password-error" class="invalid-feedback">{{ message }}</div>
            }
          </div>

          <button type="submit" class="btn btn-primary w-100" [disabled]="pending()">
            @if (pending()) {
              <span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>
              Creating account…
            } @else {
              Create account
            }
          </button>
        </form>

        <p class="mt-3 mb-0">Already have an account? <a routerLink="/login">Sign in</a></p>
      </div>
    </div>
  `,
})
export class Register {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly usernameMin = USERNAME_MIN_LENGTH;
  protected readonly usernameMax = USERNAME_MAX_LENGTH;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', usernameValidators],
    email: ['', emailValidators],
    repeatEmail: ['', [Validators.required, sameAs('email')]],
    password: ['', passwordValidators],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    const { username, email, repeatEmail, password } = this.form.controls;
    const destroyRef = inject(DestroyRef);
    // Cross-field rules run again when the field they compare against changes.
    email.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => repeatEmail.updateValueAndValidity({ emitEvent: false }));
    merge(username.valueChanges, email.valueChanges)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => password.updateValueAndValidity({ emitEvent: false }));
  }

  protected errorFor(field: Field): string | null {
    return errorMessage(this.form.controls[field], MESSAGES[field]);
  }

  protected describedBy(field: Field, help?: string): string | null {
    const ids = [help, this.errorFor(field) ? `${field}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) {
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const { username, email, password } = this.form.getRawValue();
    this.session.register({ username, email, password }).subscribe({
      next: () => void this.router.navigateByUrl('/articles'),
      error: (error: unknown) => {
        this.pending.set(false);
        this.error.set(this.messageFor(error));
      },
    });
  }

  private messageFor(error: unknown): string | null {
    const fieldErrors = fieldErrorsOf(error, ['username', 'email', 'password']);
    if (
      error instanceof HttpErrorResponse &&
      (error.status === 400 || error.status === 409) &&
      Object.keys(fieldErrors).length > 0
    ) {
      return showServerErrors(this.form, fieldErrors);
    }
    if (error instanceof HttpErrorResponse && error.status === 429) {
      return 'Too many attempts. Please try again later.';
    }
    return describeError(error);
  }
}
