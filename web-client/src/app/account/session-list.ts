import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Observable } from 'rxjs';

import { Session } from '../auth/session';
import { BusyButton } from '../shared/busy-button';
import { describeError } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import { AccountApi, SessionInfo } from './account-api';

/** "Your sessions": where the user is signed in, and signing out any of them. */
@Component({
  selector: 'app-session-list',
  imports: [DatePipe, BusyButton, Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="h5" id="sessions-heading">Your sessions</h2>
    @if (error(); as message) {
      <div class="alert alert-danger" role="alert">{{ message }}</div>
    }
    @if (sessions(); as list) {
      <div class="table-responsive">
        <table class="table align-middle" aria-labelledby="sessions-heading">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Last active</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (item of list; track item.id) {
              <tr>
                <td>
                  <span [title]="item.userAgent ?? ''">{{ item.device }}</span>
                  @if (item.current) {
                    &ngsp;<span class="badge text-bg-success">This device</span>
                  }
                  <div class="small text-body-secondary">
                    Signed in {{ item.createdAt | date: 'medium' }}
                  </div>
                </td>
                <td>{{ item.ipAddress ?? 'Unknown' }}</td>
                <td>{{ item.lastSeenAt | date: 'medium' }}</td>
                <td class="text-end">
                  <button
                    type="button"
                    class="btn btn-outline-danger btn-sm"
                    appBusyButton
                    [busy]="ending() === item.id"
                    label="Sign out"
                    busyLabel="Signing out…"
                    [attr.aria-label]="'Sign out ' + (item.current ? 'this device' : item.device)"
                    (click)="end(item)"
                  ></button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (list.length > 1) {
        <button
          type="button"
          class="btn btn-outline-danger"
          appBusyButton
          [busy]="ending() === 'others'"
          label="Sign out everywhere else"
          busyLabel="Signing out…"
          (click)="endOthers()"
        ></button>
      }
    } @else if (!error()) {
      <p><app-spinner /> Loading your sessions…</p>
    }
  `,
})
export class SessionList {
  private readonly api = inject(AccountApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly sessions = signal<SessionInfo[] | null>(null);
  protected readonly error = signal<string | null>(null);
  /** The id of the session being signed out, or 'others'. */
  protected readonly ending = signal<string | null>(null);

  constructor() {
    this.reload();
  }

  reload(): void {
    this.api.sessions().subscribe({
      next: (list) => {
        this.sessions.set(list);
        this.error.set(null);
      },
      error: (error: unknown) => this.error.set(describeError(error)),
    });
  }

  protected end(item: SessionInfo): void {
    this.run(item.id, this.api.endSession(item.id), () => {
      if (item.current) {
        this.session.signedOut();
        void this.router.navigateByUrl('/login');
      } else {
        this.reload();
      }
    });
  }

  protected endOthers(): void {
    this.run('others', this.api.endOtherSessions(), () => this.reload());
  }

  private run(what: string, request: Observable<void>, done: () => void): void {
    this.ending.set(what);
    this.error.set(null);
    request.subscribe({
      next: () => {
        this.ending.set(null);
        done();
      },
      error: (error: unknown) => {
        this.ending.set(null);
        this.error.set(describeError(error));
      },
    });
  }
}
