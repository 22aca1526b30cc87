import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject, of, throwError } from 'rxjs';

import { FormState } from './form-state';
import { problem } from './testing';

function loginForm(usernameOrEmail = 'alice', password = 'secret') {
  const form = new FormGroup({
    usernameOrEmail: new FormControl(usernameOrEmail, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(10)],
    }),
    password: new FormControl(password, { nonNullable: true, validators: Validators.required }),
  });
  const state = new FormState(form, {
    usernameOrEmail: { required: 'Enter your username.' },
    password: { required: 'Enter your password.' },
  });
  return { form, state };
}

function validationProblem(errors: Record<string, string[]>, status = 400) {
  return new HttpErrorResponse({
    status,
    error: problem(status, 'One or more validation errors occurred.', { errors }),
  });
}

describe('FormState', () => {
  it('has a message for a field only once it is touched', () => {
    const { form, state } = loginForm('');
    expect(state.errorFor('usernameOrEmail')).toBeNull();
    form.controls.usernameOrEmail.markAsTouched();
    expect(state.errorFor('usernameOrEmail')).toBe('Enter your username.');
    expect(state.errorFor('password')).toBeNull();
  });

  it('falls back to a general message for an error without one', () => {
    const { form, state } = loginForm('a'.repeat(11));
    form.markAllAsTouched();
    expect(state.errorFor('usernameOrEmail')).toBe('Check this field.');
  });

  it('sends nothing while the form is invalid, showing every field message', () => {
    const { state } = loginForm('', '');
    const send = vi.fn();
    state.submit({ send, done: vi.fn() });
    expect(send).not.toHaveBeenCalled();
    expect(state.pending()).toBe(false);
    expect(state.errorFor('usernameOrEmail')).toBe('Enter your username.');
    expect(state.errorFor('password')).toBe('Enter your password.');
  });

  it('sends the value once, stays pending and hands over the result', () => {
    const { state } = loginForm();
    const response = new Subject<number>();
    const send = vi.fn(() => response);
    const done = vi.fn();
    state.submit({ send, done });
    state.submit({ send, done });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ usernameOrEmail: 'alice', password: 'secret' });
    expect(state.pending()).toBe(true);
    response.next(7);
    expect(done).toHaveBeenCalledWith(7);
    expect(state.pending()).toBe(true);
  });

  it('puts the API field errors beside their fields until they are edited', () => {
    const { form, state } = loginForm();
    state.submit({
      send: () => throwError(() => validationProblem({ usernameOrEmail: ['Unknown user.'] }, 409)),
      done: vi.fn(),
    });
    expect(state.pending()).toBe(false);
    expect(state.error()).toBeNull();
    expect(state.errorFor('usernameOrEmail')).toBe('Unknown user.');
    form.controls.usernameOrEmail.setValue('bob');
    expect(state.errorFor('usernameOrEmail')).toBeNull();
  });

  it('does not mark a field the user edited while the request was in flight', () => {
    const { form, state } = loginForm();
    const response = new Subject<number>();
    const send = vi.fn(() => response);
    state.submit({ send, done: vi.fn() });
    form.controls.password.setValue('another secret');
    response.error(
      validationProblem({ usernameOrEmail: ['Unknown user.'], password: ['Too common.'] }),
    );

    expect(state.errorFor('usernameOrEmail')).toBe('Unknown user.');
    expect(state.errorFor('password')).toBeNull();
    expect(form.controls.password.valid).toBe(true);
    expect(state.error()).toBeNull();

    form.controls.usernameOrEmail.setValue('bob');
    state.submit({ send, done: vi.fn() });
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith({ usernameOrEmail: 'bob', password: 'another secret' });
  });

  it('shows field errors that belong to no field above the form', () => {
    const { state } = loginForm();
    state.submit({
      send: () => throwError(() => validationProblem({ password: ['Too short.'], other: ['No.'] })),
      done: vi.fn(),
    });
    expect(state.errorFor('password')).toBe('Too short.');
    expect(state.error()).toBe('No.');
  });

  it('words any other failure with the given function, or describes it', () => {
    const { state } = loginForm();
    const failure = new HttpErrorResponse({ status: 0 });
    state.submit({ send: () => throwError(() => failure), done: vi.fn() });
    expect(state.error()).toContain('Cannot reach the server');

    const failed = vi.fn(() => 'Offline.');
    state.submit({ send: () => throwError(() => failure), done: vi.fn(), failed });
    expect(failed).toHaveBeenCalledWith(failure);
    expect(state.error()).toBe('Offline.');
  });

  it('clears the previous failure when sending again', () => {
    const { state } = loginForm();
    state.submit({ send: () => throwError(() => new Error('boom')), done: vi.fn() });
    expect(state.error()).not.toBeNull();
    state.submit({ send: () => of(1), done: vi.fn() });
    expect(state.error()).toBeNull();
  });
});
