import { signal } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';

import { describeError, fieldErrorsOf } from './problem';

/** Messages for a control's error keys, in the order they should win. */
export type ErrorMessages = Record<string, string>;

export interface Submission<Value, Result> {
  send: (value: Value) => Observable<Result>;
  /** Runs on success; the form stays pending, as it is usually left behind. */
  done: (result: Result) => void;
  /** The message above the form for a failure that names no field (null: none). */
  failed?: (error: unknown) => string | null;
}

/**
 * What a form shows besides its values: the message under each touched field, whether its
 * request is pending, and the message above the form when the request fails.
 */
export class FormState<Form extends FormGroup> {
  readonly pending = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly form: Form,
    private readonly messages: Record<keyof Form['controls'] & string, ErrorMessages>,
  ) {}

  /** The message to show under a control, or null while it has none to show yet. */
  errorFor(field: keyof Form['controls'] & string): string | null {
    const control: AbstractControl = this.form.controls[field];
    const errors = control.errors;
    if (!errors || !control.touched) {
      return null;
    }
    if (typeof errors['server'] === 'string') {
      return errors['server'];
    }
    const messages = this.messages[field];
    const key = Object.keys(messages).find((name) => name in errors);
    return key ? messages[key] : 'Check this field.';
  }

  /**
   * Sends the form's value once it is valid and nothing is pending. The API's field errors go
   * beside their fields; any other failure is worded by `failed` (by default `describeError`).
   */
  submit<Result>({
    send,
    done,
    failed = describeError,
  }: Submission<ReturnType<Form['getRawValue']>, Result>): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) {
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const sent = this.form.getRawValue();
    send(sent).subscribe({
      next: done,
      error: (error: unknown) => {
        this.pending.set(false);
        const fieldErrors = fieldErrorsOf(error, Object.keys(this.form.controls));
        this.error.set(
          Object.keys(fieldErrors).length > 0
            ? this.showServerErrors(fieldErrors, sent)
            : failed(error),
        );
      },
    });
  }

  /**
   * Puts the API's field errors beside their controls (they go away as soon as the field is
   * edited) and returns the messages that belong to no control. A message about a value the
   * user has replaced while the request was in flight is dropped: it would mark the new value
   * invalid, and keep the form from being sent, until the field was edited once more.
   */
  private showServerErrors(
    fieldErrors: Record<string, string>,
    sent: Record<string, unknown>,
  ): string | null {
    const unplaced: string[] = [];
    for (const [field, message] of Object.entries(fieldErrors)) {
      const control = field ? this.form.get(field) : null;
      if (!control) {
        unplaced.push(message);
      } else if (control.value === sent[field]) {
        control.setErrors({ ...control.errors, server: message });
        control.markAsTouched();
      }
    }
    return unplaced.length > 0 ? unplaced.join(' ') : null;
  }
}
