import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { ErrorMessages, FormState } from '../shared/form-state';
import { describeError, problemOf } from '../shared/problem';
import { safeReturnUrl } from './guards';
import { Session } from './session';

const MESSAGES: Record<'usernameOrEmail' | 'password', ErrorMessages> = {
  usernameOrEmail: { required: 'Enter your username or email.' },
  password: { required: 'Enter your password.' },
};

@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, RouterLink, FieldState, FieldError, BusyButton],
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
        @if (state.error(); as message) {
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
              [appFieldState]="state.errorFor('usernameOrEmail')"
            />
            <app-field-error
              id="usernameOrEmail-error"
              [message]="state.errorFor('usernameOrEmail')"
            />
          </div>

          <div class="mb-3">
            <label for="password" class="form-label">Password</label>
            <input
              id="password"
              type="password"
              class="form-control"
              formControlName="password"
              autocomplete="current-password"
              [appFieldState]="state.errorFor('password')"
            />
            <app-field-error id="password-error" [message]="state.errorFor('password')" />
          </div>

          <button
            type="submit"
            class="btn btn-primary w-100"
            appBusyButton
            [busy]="state.pending()"
            label="Sign in"
            busyLabel="Signing in…"
          ></button>
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
  protected readonly state = new FormState(this.form, MESSAGES);

  protected submit(): void {
    this.state.submit({
      send: ({ usernameOrEmail, password }) =>
        this.session.login({ usernameOrEmail: usernameOrEmail.trim(), password }),
      done: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      failed: loginFailure,
    });
  }
}

function loginFailure(error: unknown): string {
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
    default:
      return describeError(error);
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
