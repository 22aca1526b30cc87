import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  differentFrom,
  passwordValidators,
} from '../auth/register-rules';
import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { FormState } from '../shared/form-state';
import { describeError } from '../shared/problem';
import { AccountApi } from './account-api';

const MESSAGES = {
  currentPassword: { required: 'Enter your current password.' },
  newPassword: {
    ...PASSWORD_MESSAGES,
    sameAsCurrentPassword: 'The new password must differ from the current one.',
  },
};

/** Changes the password; the API ends every other session, so the list is reloaded after. */
@Component({
  selector: 'app-change-password',
  imports: [ReactiveFormsModule, FieldState, FieldError, BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="h5" id="password-heading">Change password</h2>
    @if (state.error(); as message) {
      <div class="alert alert-danger" role="alert">{{ message }}</div>
    }
    @if (changed()) {
      <div class="alert alert-success" role="status">
        Your password has been changed. Every other session has been signed out.
      </div>
    }
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="password-heading">
      <div class="mb-3">
        <label for="currentPassword" class="form-label">Current password</label>
        <input
          id="currentPassword"
          type="password"
          class="form-control"
          formControlName="currentPassword"
          autocomplete="current-password"
          [appFieldState]="state.errorFor('currentPassword')"
        />
        <app-field-error id="currentPassword-error" [message]="state.errorFor('currentPassword')" />
      </div>
      <div class="mb-3">
        <label for="newPassword" class="form-label">New password</label>
        <input
          id="newPassword"
          type="password"
          class="form-control"
          formControlName="newPassword"
          autocomplete="new-password"
          aria-describedby="newPassword-help"
          [appFieldState]="state.errorFor('newPassword')"
        />
        <div id="newPassword-help" class="form-text">
          {{ passwordMin }}–{{ passwordMax }} characters. Common passwords are refused.
        </div>
        <app-field-error id="newPassword-error" [message]="state.errorFor('newPassword')" />
      </div>
      <button
        type="submit"
        class="btn btn-primary"
        appBusyButton
        [busy]="state.pending()"
        label="Change password"
        busyLabel="Changing password…"
      ></button>
    </form>
  `,
})
export class ChangePassword {
  private readonly api = inject(AccountApi);

  /** The password changed: every other session has ended. */
  readonly passwordChanged = output<void>();

  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_LENGTH;
  protected readonly changed = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [...passwordValidators, differentFrom('currentPassword')]],
  });
  protected readonly state = new FormState(this.form, MESSAGES);

  constructor() {
    const { currentPassword, newPassword } = this.form.controls;
    // The new password is compared with the current one again when that changes.
    currentPassword.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => newPassword.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    this.changed.set(false);
    this.state.submit({
      send: (request) => this.api.changePassword(request),
      done: () => {
        this.state.pending.set(false);
        this.form.reset();
        this.changed.set(true);
        this.passwordChanged.emit();
      },
      failed: (error) =>
        error instanceof HttpErrorResponse && error.status === 429
          ? 'Too many attempts. Please try again later.'
          : describeError(error),
    });
  }
}
