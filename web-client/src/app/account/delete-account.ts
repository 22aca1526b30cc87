import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';

import { Session } from '../auth/session';
import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { FormState } from '../shared/form-state';
import { describeError } from '../shared/problem';
import { AccountApi } from './account-api';

const MESSAGES = {
  password: { required: 'Enter your password.' },
  confirmed: { required: 'Confirm that you want to delete your account.' },
};

/** Deletes the account, after the password and an explicit confirmation. */
@Component({
  selector: 'app-delete-account',
  imports: [ReactiveFormsModule, FieldState, FieldError, BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="h5 text-danger" id="delete-heading">Delete account</h2>
    <p>
      This deletes your account, all your articles, sessions and access tokens at once. It cannot be
      undone; download your articles first if you want to keep them.
    </p>
    @if (state.error(); as message) {
      <div class="alert alert-danger" role="alert">{{ message }}</div>
    }
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="delete-heading">
      <div class="mb-3">
        <label for="deletePassword" class="form-label">Password</label>
        <input
          id="deletePassword"
          type="password"
          class="form-control"
          formControlName="password"
          autocomplete="current-password"
          [appFieldState]="state.errorFor('password')"
        />
        <app-field-error id="deletePassword-error" [message]="state.errorFor('password')" />
      </div>
      <div class="form-check mb-3">
        <input
          id="confirmed"
          type="checkbox"
          class="form-check-input"
          formControlName="confirmed"
          [appFieldState]="state.errorFor('confirmed')"
        />
        <label for="confirmed" class="form-check-label">
          I understand that my account and articles will be deleted for good.
        </label>
        <app-field-error id="confirmed-error" [message]="state.errorFor('confirmed')" />
      </div>
      <button
        type="submit"
        class="btn btn-danger"
        appBusyButton
        [busy]="state.pending()"
        label="Delete account"
        busyLabel="Deleting account…"
      ></button>
    </form>
  `,
})
export class DeleteAccount {
  private readonly api = inject(AccountApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', Validators.required],
    confirmed: [false, Validators.requiredTrue],
  });
  protected readonly state = new FormState(this.form, MESSAGES);

  protected submit(): void {
    this.state.submit({
      send: ({ password }) => this.api.deleteAccount(password),
      done: () => {
        this.session.signedOut();
        void this.router.navigateByUrl('/register');
      },
      failed: (error) =>
        error instanceof HttpErrorResponse && error.status === 429
          ? 'Too many attempts. Please try again later.'
          : describeError(error),
    });
  }
}
