import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';

import { Session } from '../auth/session';
import { apiPaths } from '../shared/api-paths';
import { describeError } from '../shared/problem';
import { AccessTokens } from './access-tokens';
import { AccountApi } from './account-api';
import { ChangePassword } from './change-password';
import { DeleteAccount } from './delete-account';
import { SessionList } from './session-list';

/** The signed-in user's own account: password, sessions, access tokens, their articles to take away, deletion. */
@Component({
  selector: 'app-account',
  imports: [ChangePassword, SessionList, AccessTokens, DeleteAccount],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="h3 mb-4">Account</h1>
    @if (session.user(); as user) {
      <p class="text-body-secondary">Signed in as {{ user.username }} ({{ user.email }}).</p>
    }

    <section class="mb-5 account-section">
      <app-change-password (passwordChanged)="sessions()?.reload()" />
    </section>

    <section class="mb-5">
      <app-session-list />
    </section>

    <app-access-tokens class="d-block mb-5" />

    <section class="mb-5" aria-labelledby="export-heading">
      <h2 class="h5" id="export-heading">Download your articles</h2>
      <p>One JSON file with your account and every article you wrote.</p>
      @if (downloadError(); as message) {
        <div class="alert alert-danger" role="alert">{{ message }}</div>
      }
      <a class="btn btn-outline-primary" [href]="exportPath" download (click)="download($event)">
        Download your articles
      </a>
    </section>

    <section class="mb-5 account-section border border-danger-subtle rounded p-3">
      <app-delete-account />
    </section>
  `,
  styles: `
    .account-section {
      max-width: 36rem;
    }
  `,
})
export class Account {
  protected readonly session = inject(Session);
  protected readonly sessions = viewChild(SessionList);
  protected readonly exportPath = apiPaths.export;
  protected readonly downloadError = signal<string | null>(null);
  private readonly api = inject(AccountApi);
  private readonly document = inject(DOCUMENT);

  /**
   * The browser downloads the file itself (streamed to disk), outside HttpClient. A cheap request
   * through HttpClient first lets a session ended elsewhere land on sign-in, as every other action
   * does, instead of saving its 401 problem as the download.
   */
  protected download(event: Event): void {
    event.preventDefault();
    this.downloadError.set(null);
    this.api.sessions().subscribe({
      next: () => this.document.location.assign(this.exportPath),
      error: (error: unknown) => this.downloadError.set(describeError(error)),
    });
  }
}
