import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { merge } from 'rxjs';

import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { ErrorMessages, FormState } from '../shared/form-state';
import { describeError } from '../shared/problem';
import {
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MESSAGES,
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
  password: PASSWORD_MESSAGES,
};

@Component({
  selector: 'app-register',
  imports: [ReactiveFormsModule, RouterLink, FieldState, FieldError, BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row justify-content-center">
      <div class="col-12 col-sm-10 col-md-7 col-lg-5">
        <h1 class="h3 mb-3">Create account</h1>

        @if (state.error(); as message) {
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
              aria-describedby="username-help"
              [appFieldState]="state.errorFor('username')"
            />
            <div id="username-help" class="form-text">
              {{ usernameMin }}–{{ usernameMax }} letters, digits, '.', '_' or '-'; starts and ends
              with a letter or digit.
            </div>
            <app-field-error id="username-error" [message]="state.errorFor('username')" />
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
              [appFieldState]="state.errorFor('email')"
            />
            <app-field-error id="email-error" [message]="state.errorFor('email')" />
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
              [appFieldState]="state.errorFor('repeatEmail')"
            />
            <app-field-error id="repeatEmail-error" [message]="state.errorFor('repeatEmail')" />
          </div>

          <div class="mb-3">
            <label for="password" class="form-label">Password</label>
            <input
              id="password"
              type="password"
              class="form-control"
              formControlName="password"
              autocomplete="new-password"
              aria-describedby="password-help"
              [appFieldState]="state.errorFor('password')"
            />
            <div id="password-help" class="form-text">
              {{ passwordMin }}–{{ passwordMax }} characters. Common passwords are refused.
            </div>
            <app-field-error id="password-error" [message]="state.errorFor('password')" />
          </div>

          <button
            type="submit"
            class="btn btn-primary w-100"
            appBusyButton
            [busy]="state.pending()"
            label="Create account"
            busyLabel="Creating account…"
          ></button>
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
  protected readonly state = new FormState(this.form, MESSAGES);

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

  protected submit(): void {
    this.state.submit({
      send: ({ username, email, password }) => this.session.register({ username, email, password }),
      done: () => void this.router.navigateByUrl('/articles'),
      failed: (error) =>
        error instanceof HttpErrorResponse && error.status === 429
          ? 'Too many attempts. Please try again later.'
          : describeError(error),
    });
  }
}
