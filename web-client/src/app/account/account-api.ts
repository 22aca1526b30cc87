import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import type { components } from '../api/schema';
import { apiPaths } from '../shared/api-paths';

export type SessionInfo = components['schemas']['Session'];
export type ChangePasswordRequest = components['schemas']['ChangePasswordRequest'];

/** The signed-in user's own account: password, sessions, deletion (API.md, "Accounts"). */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  /** Every other session ends; this one continues under a new cookie and XSRF token. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(apiPaths.password, request);
  }

  /** The user's sessions, most recently active first. */
  sessions(): Observable<SessionInfo[]> {
    return this.http.get<SessionInfo[]>(apiPaths.sessions);
  }

  endSession(id: string): Observable<void> {
    return this.http.delete<void>(apiPaths.session(id));
  }

  endOtherSessions(): Observable<void> {
    return this.http.post<void>(apiPaths.endOtherSessions, {});
  }

  deleteAccount(password: string): Observable<void> {
    return this.http.delete<void>(apiPaths.currentUser, { body: { password } });
  }
}
