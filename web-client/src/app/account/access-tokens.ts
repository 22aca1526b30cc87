import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';

import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { ErrorMessages, FormState } from '../shared/form-state';
import { notBlank, trimmedMaxLength } from '../shared/forms';
import { describeError } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import {
  AccessToken,
  AccessTokensApi,
  SCOPES,
  TOKEN_MAX_EXPIRES_IN_DAYS,
  TOKEN_NAME_MAX_LENGTH,
} from './access-tokens-api';

type Field = 'name' | 'expiresInDays' | 'scopes';

const DEFAULT_EXPIRES_IN_DAYS = 30;

const MESSAGES: Record<Field, ErrorMessages> = {
  name: {
    required: 'Enter a name.',
    maxlength: `The name must be at most ${TOKEN_NAME_MAX_LENGTH} characters.`,
  },
  expiresInDays: {
    required: 'Enter the number of days.',
    integer: 'Enter a whole number of days.',
    min: `The expiry must be 1 to ${TOKEN_MAX_EXPIRES_IN_DAYS} days.`,
    max: `The expiry must be 1 to ${TOKEN_MAX_EXPIRES_IN_DAYS} days.`,
  },
  scopes: { required: 'Choose at least one scope.' },
};

const integer = (control: AbstractControl): ValidationErrors | null =>
  control.value === null || Number.isInteger(control.value) ? null : { integer: true };

const someScope = (control: AbstractControl): ValidationErrors | null =>
  (control.value as readonly string[]).length > 0 ? null : { required: true };

/**
 * "Access tokens" of the account page: tokens for scripts, made with a name, an expiry and
 * scopes; the secret is shown once, with a copy button; the list shows each token's last use and
 * expiry, and revokes one after a confirmation.
 */
@Component({
  selector: 'app-access-tokens',
  imports: [DatePipe, ReactiveFormsModule, FieldState, FieldError, BusyButton, Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="access-tokens-heading">
      <h2 id="access-tokens-heading" class="h5">Access tokens</h2>
      <p class="text-body-secondary">
        Scripts and tools sign in with a token instead of your password: send it as
        <code>Authorization: Bearer &lt;token&gt;</code>. A token can read or publish your articles,
        as its scopes allow, and nothing else.
      </p>

      <!-- Present from the start, so that screen readers announce what is put in it. -->
      <div class="visually-hidden" role="status" aria-live="polite">{{ announcement() }}</div>

      @if (created(); as token) {
        <div class="alert alert-success" aria-labelledby="new-token-heading">
          <h3 id="new-token-heading" class="h6">Copy your new token “{{ token.name }}” now</h3>
          <p>It is shown this once. If you lose it, revoke it and make another.</p>
          <label for="new-token" class="form-label">Token</label>
          <div class="input-group mb-2">
            <input
              #secret
              id="new-token"
              class="form-control font-monospace"
              readonly
              [value]="token.token"
              (focus)="secret.select()"
            />
            <button type="button" class="btn btn-outline-dark" (click)="copy(token.token!)">
              {{ copied() ? 'Copied' : 'Copy' }}
            </button>
          </div>
          <button type="button" class="btn btn-sm btn-outline-dark" (click)="dismissSecret()">
            I have copied it
          </button>
        </div>
      }

      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="mb-4">
        <h3 class="h6">New token</h3>
        @if (state.error(); as message) {
          <div class="alert alert-danger" role="alert">{{ message }}</div>
        }
        <div class="row g-3">
          <div class="col-sm-7">
            <label for="token-name" class="form-label">Name</label>
            <input
              id="token-name"
              class="form-control"
              formControlName="name"
              autocomplete="off"
              aria-describedby="token-name-help"
              [appFieldState]="state.errorFor('name')"
            />
            <div id="token-name-help" class="form-text">
              What the token is for, e.g. “deploy script”.
            </div>
            <app-field-error id="token-name-error" [message]="state.errorFor('name')" />
          </div>
          <div class="col-sm-5">
            <label for="token-expiry" class="form-label">Expires in (days)</label>
            <input
              id="token-expiry"
              type="number"
              inputmode="numeric"
              min="1"
              [max]="maxDays"
              class="form-control"
              formControlName="expiresInDays"
              aria-describedby="token-expiry-help"
              [appFieldState]="state.errorFor('expiresInDays')"
            />
            <div id="token-expiry-help" class="form-text">1 to {{ maxDays }} days.</div>
            <app-field-error id="token-expiry-error" [message]="state.errorFor('expiresInDays')" />
          </div>
        </div>
        <fieldset class="mt-3" aria-describedby="token-scopes-error">
          <legend class="form-label fs-6">Scopes</legend>
          @for (option of scopeOptions; track option.scope) {
            <div class="form-check">
              <input
                class="form-check-input"
                type="checkbox"
                [id]="'token-scope-' + option.scope"
                [class.is-invalid]="state.errorFor('scopes')"
                [checked]="form.controls.scopes.value.includes(option.scope)"
                (change)="toggleScope(option.scope, $any($event.target).checked)"
              />
              <label class="form-check-label" [for]="'token-scope-' + option.scope">
                {{ option.label }} (<code>{{ option.scope }}</code
                >)
              </label>
            </div>
          }
          <div
            id="token-scopes-error"
            class="invalid-feedback"
            [class.d-block]="state.errorFor('scopes')"
          >
            {{ state.errorFor('scopes') }}
          </div>
        </fieldset>
        <button
          type="submit"
          class="btn btn-primary mt-3"
          appBusyButton
          [busy]="state.pending()"
          label="Create token"
          busyLabel="Creating…"
        ></button>
      </form>

      <h3 class="h6">Your tokens</h3>
      @if (loading()) {
        <p class="text-body-secondary" role="status"><app-spinner />Loading tokens…</p>
      } @else if (listError(); as message) {
        <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
          <span class="me-auto">{{ message }}</span>
          <button type="button" class="btn btn-sm btn-outline-danger" (click)="load()">
            Try again
          </button>
        </div>
      } @else if (tokens().length === 0) {
        <p class="text-body-secondary">You have no access tokens.</p>
      } @else {
        @if (revokeError(); as message) {
          <div class="alert alert-danger" role="alert">{{ message }}</div>
        }
        <div class="table-responsive">
          <table class="table align-middle">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (token of tokens(); track token.id) {
                <tr>
                  <th scope="row" class="text-break">{{ token.name }}</th>
                  <td>{{ token.scopes.join(', ') }}</td>
                  <td>
                    @if (token.lastUsedAt) {
                      <time [attr.datetime]="token.lastUsedAt">{{
                        token.lastUsedAt | date: 'medium'
                      }}</time>
                    } @else {
                      Never
                    }
                  </td>
                  <td>
                    <time [attr.datetime]="token.expiresAt">{{
                      token.expiresAt | date: 'mediumDate'
                    }}</time>
                    @if (isExpired(token)) {
                      <span class="badge text-bg-secondary ms-1">Expired</span>
                    }
                  </td>
                  <td class="text-end text-nowrap">
                    @if (confirming() === token.id) {
                      <span class="me-2">Revoke?</span>
                      <button
                        type="button"
                        class="btn btn-sm btn-danger me-1"
                        appBusyButton
                        [busy]="revoking() === token.id"
                        label="Yes, revoke"
                        busyLabel="Revoking…"
                        [attr.aria-label]="'Yes, revoke ' + token.name"
                        (click)="revoke(token)"
                      ></button>
                      <button
                        type="button"
                        class="btn btn-sm btn-outline-secondary"
                        (click)="confirming.set(null)"
                      >
                        Cancel
                      </button>
                    } @else {
                      <button
                        type="button"
                        class="btn btn-sm btn-outline-danger"
                        [attr.aria-label]="'Revoke ' + token.name"
                        (click)="confirming.set(token.id)"
                      >
                        Revoke
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
})
export class AccessTokens {
  private readonly api = inject(AccessTokensApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly secretField = viewChild<ElementRef<HTMLInputElement>>('secret');

  protected readonly maxDays = TOKEN_MAX_EXPIRES_IN_DAYS;
  protected readonly scopeOptions = SCOPES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, trimmedMaxLength(TOKEN_NAME_MAX_LENGTH)]],
    expiresInDays: [
      DEFAULT_EXPIRES_IN_DAYS as number | null,
      [Validators.required, integer, Validators.min(1), Validators.max(TOKEN_MAX_EXPIRES_IN_DAYS)],
    ],
    scopes: [[SCOPES[0].scope] as readonly string[], someScope],
  });
  protected readonly state = new FormState(this.form, MESSAGES);

  protected readonly tokens = signal<AccessToken[]>([]);
  protected readonly loading = signal(true);
  protected readonly listError = signal<string | null>(null);
  /** The token just made, with its secret, until the user says it is copied. */
  protected readonly created = signal<AccessToken | null>(null);
  protected readonly copied = signal(false);
  protected readonly announcement = signal('');
  protected readonly confirming = signal<number | null>(null);
  protected readonly revoking = signal<number | null>(null);
  protected readonly revokeError = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.listError.set(null);
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tokens) => {
          this.tokens.set(tokens);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.listError.set(sessionFailure(error));
        },
      });
  }

  protected toggleScope(scope: string, checked: boolean): void {
    const control = this.form.controls.scopes;
    const chosen = new Set(control.value);
    if (checked) {
      chosen.add(scope);
    } else {
      chosen.delete(scope);
    }
    control.setValue(SCOPES.map((option) => option.scope).filter((name) => chosen.has(name)));
    control.markAsTouched();
  }

  protected submit(): void {
    this.state.submit({
      send: ({ name, expiresInDays, scopes }) =>
        this.api.create({
          name: name.trim(),
          expiresInDays: expiresInDays ?? 0,
          scopes: [...scopes],
        }),
      done: (token) => {
        this.state.pending.set(false);
        this.form.reset();
        this.created.set(token);
        this.copied.set(false);
        this.tokens.update((tokens) => [{ ...token, token: undefined }, ...tokens]);
        this.announcement.set(`Token ${token.name} created. Copy it now: it is shown only once.`);
        afterNextRender(() => this.secretField()?.nativeElement.focus(), {
          injector: this.injector,
        });
      },
      failed: sessionFailure,
    });
  }

  protected copy(secret: string): void {
    navigator.clipboard.writeText(secret).then(
      () => {
        this.copied.set(true);
        this.announcement.set('Token copied to the clipboard.');
      },
      () => this.announcement.set('Copying failed: select the token and copy it yourself.'),
    );
  }

  protected dismissSecret(): void {
    this.created.set(null);
    this.announcement.set('');
  }

  protected revoke(token: AccessToken): void {
    this.revoking.set(token.id);
    this.revokeError.set(null);
    this.api
      .revoke(token.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.removed(token),
        error: (error: unknown) => {
          this.revoking.set(null);
          // Already gone (revoked elsewhere): the list only catches up.
          if (error instanceof HttpErrorResponse && error.status === 404) {
            this.removed(token);
          } else {
            this.revokeError.set(sessionFailure(error));
          }
        },
      });
  }

  protected isExpired(token: AccessToken): boolean {
    return Date.parse(token.expiresAt) <= Date.now();
  }

  private removed(token: AccessToken): void {
    this.revoking.set(null);
    this.confirming.set(null);
    this.tokens.update((tokens) => tokens.filter((other) => other.id !== token.id));
    if (this.created()?.id === token.id) {
      this.created.set(null);
    }
    this.announcement.set(`Token ${token.name} revoked.`);
  }
}

function sessionFailure(error: unknown): string | null {
  if (error instanceof HttpErrorResponse && error.status === 401) {
    return null; // the session-ended interceptor takes over
  }
  return describeError(error);
}
