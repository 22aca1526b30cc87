import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { describeError, fieldErrorsOf, problemOf } from '../shared/problem';
import { ErrorMessages, errorMessage, showServerErrors } from '../shared/forms';
import { safeReturnUrl } from './guards';
import { Session } from './session';

const MESSAGES: Record<'usernameOrEmail' | 'password', ErrorMessages> = {
  usernameOrEmail: { required: 'Enter your username or email.' },
  password: { required: 'Enter your password.' },
};

@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row justify-content-center">
      <div class="col-12 col-sm-10 col-md-7 col-lg-5">
        <h1 class="h3 mb-3">Sign in</h1>

        @if (session.ended()) {
          <div class="alert alert-warning" role="status">
            Your session has ended. Please sign in again.
          </div>
        }
        @if (error(); as message) {
          <div class="alert alert-danger" role="alert" id="login-error">{{ message }}</div>
        }

        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="mb-3">
            <label for="usernameOrEmail" class="form-label">Username or email</label>
            <input
              id="usernameOrEmail"
              class="form-control"
              formControlName="usernameOrEmail"
              autocomplete="username"
              autocapitalize="none"
              spellcheck="false"
              [class.is-invalid]="errorFor('usernameOrEmail')"
              [attr.aria-invalid]="errorFor('usernameOrEmail') ? true : null"
              [attr.aria-describedby]="errorFor('usernameOrEmail') ? 'usernameOrEmail-error' : null"
            />
            @if (errorFor('usernameOrEmail'); as message) {
              <div id="usernameOrEmail-error" class="invalid-feedback">{{ message }}</div>
            }
          </div>

          <div class="mb-3">
            <label for="password" class="form-label">Password</label>
            <input
              id="password"
              type="password"
              class="form-control"
              formControlName="password"
              autocomplete="current-password"
              [class.is-invalid]="errorFor('password')"
              [attr.aria-invalid]="errorFor('password') ? true : null"
              [attr.aria-describedby]="errorFor('password') ? 'password-error' : null"
            />
            @if (errorFor('password'); as message) {
              <div id="password-error" class="invalid-feedback">{{ message }}</div>
            }
          </div>

          <button type="submit" class="btn btn-primary w-100" [disabled]="pending()">
            @if (pending()) {
              <span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>
              Signing in…
            } @else {
              Sign in
            }
          </button>
        </form>

        <p class="mt-3 mb-0">New here? <a routerLink="/register">Create an account</a></p>
      </div>
    </div>
  `,
})
export class Login {
  protected readonly session = inject(Session);
  private readonly router = inject(Router);

  /** Bound from the query string by the router. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    usernameOrEmail: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected errorFor(field: keyof typeof MESSAGES): string | null {
    return errorMessage(this.form.controls[field], MESSAGES[field]);
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) {
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const { usernameOrEmail, password } = this.form.getRawValue();
    this.session.login({ usernameOrEmail: usernameOrEmail.trim(), password }).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: unknown) => {
        this.pending.set(false);
        this.error.set(this.messageFor(error));
      },
    });
  }

  private messageFor(error: unknown): string | null {
    if (!(error instanceof HttpErrorResponse)) {
      return describeError(error);
    }
    switch (error.status) {
      case 401:
        return problemOf(error)?.detail ?? 'Wrong username or password.';
      case 403:
        return problemOf(error)?.detail ?? 'Account is disabled.';
      case 429:
        return tooManyAttempts(error.headers.get('Retry-After'));
      case 400: {
        const fieldErrors = fieldErrorsOf(error, Object.keys(MESSAGES));
        return Object.keys(fieldErrors).length > 0
          ? showServerErrors(this.form, fieldErrors)
          : describeError(error);
      }
      default:
        return describeError(error);
    }
  }
}

function tooManyAttempts(retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (!retryAfter || !Number.isFinite(seconds) || seconds <= 0) {
    return 'Too many sign-in attempts. Please try again later.';
  }
  const [count, unit] =
    seconds < 60 ? [Math.ceil(seconds), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  const wait = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return `Too many sign-in attempts. Please try again later (in about ${wait}).`;
}
