import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, catchError, map, of, tap, throwError } from 'rxjs';

import { apiPaths } from '../shared/api-paths';
import { LoginRequest, RegisterRequest, User } from './user';

/** Who is signed in. The server holds the session; this mirrors it for the screens. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly currentUser = signal<User | null>(null);
  private readonly endedByServer = signal(false);

  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  /** True after the API refused a request because the session was gone, until the next sign-in. */
  readonly ended = this.endedByServer.asReadonly();

  /** Asks the API who is signed in; this also issues a fresh XSRF-TOKEN cookie. */
  refresh(): Observable<User | null> {
    return this.http.get<User>(apiPaths.currentUser).pipe(
      catchError((error: unknown) =>
        error instanceof HttpErrorResponse && error.status === 401
          ? of(null)
          : throwError(() => error),
      ),
      tap((user) => this.currentUser.set(user)),
    );
  }

  login(request: LoginRequest): Observable<User> {
    return this.http.post<User>(apiPaths.login, request).pipe(tap((user) => this.start(user)));
  }

  register(request: RegisterRequest): Observable<User> {
    return this.http.post<User>(apiPaths.register, request).pipe(tap((user) => this.start(user)));
  }

  logout(): Observable<void> {
    return this.http.post<void>(apiPaths.logout, {}).pipe(
      tap(() => this.currentUser.set(null)),
      map(() => undefined),
    );
  }

  /** The user ended this session themselves (signed it out from their session list, deleted their account). */
  signedOut(): void {
    this.currentUser.set(null);
  }

  /** The API answered 401 to a signed-in request: the session ended on the server. */
  end(): void {
    this.currentUser.set(null);
    this.endedByServer.set(true);
  }

  private start(user: User): void {
    this.currentUser.set(user);
    this.endedByServer.set(false);
  }
}
