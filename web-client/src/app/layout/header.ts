import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';

import { Session } from '../auth/session';
import { BusyButton } from '../shared/busy-button';
import { describeError } from '../shared/problem';

@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive, BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="navbar bg-body-tertiary border-bottom mb-4">
      <nav class="container d-flex flex-wrap align-items-center gap-2" aria-label="Main">
        <a class="navbar-brand fw-semibold me-auto" routerLink="/">Blog</a>
        @if (session.user(); as user) {
          <span class="navbar-text text-truncate user-greeting">Hello {{ user.username }}</span>
          <a
            class="btn btn-outline-dark btn-sm"
            routerLink="/account"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            >Account</a
          >
          <button
            type="button"
            class="btn btn-outline-dark btn-sm"
            appBusyButton
            [busy]="pending()"
            label="Log out"
            busyLabel="Logging out…"
            (click)="logout()"
          ></button>
        }
      </nav>
    </header>
    @if (error(); as message) {
      <div class="container">
        <div class="alert alert-danger" role="alert">Could not log out: {{ message }}</div>
      </div>
    }
  `,
})
export class Header {
  protected readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected logout(): void {
    this.pending.set(true);
    this.error.set(null);
    this.session.logout().subscribe({
      next: () => {
        this.pending.set(false);
        void this.router.navigateByUrl('/login');
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.error.set(describeError(error));
      },
    });
  }
}
