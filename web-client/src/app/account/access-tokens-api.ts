import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import type { components } from '../api/schema';
import { apiPaths } from '../shared/api-paths';

export type AccessToken = components['schemas']['AccessToken'];
export type CreateAccessTokenRequest = components['schemas']['CreateAccessTokenRequest'];

/** The scopes a token can hold, in the order the API lists them, with what each lets a script do. */
export const SCOPES = [
  { scope: 'articles:read', label: 'Read articles' },
  { scope: 'articles:write', label: 'Publish articles' },
] as const;

export const TOKEN_NAME_MAX_LENGTH = 60;
export const TOKEN_MAX_EXPIRES_IN_DAYS = 365;

/** The signed-in user's access tokens: made, listed and revoked with the session. */
@Injectable({ providedIn: 'root' })
export class AccessTokensApi {
  private readonly http = inject(HttpClient);

  /** Newest first; never with their secrets. */
  list(): Observable<AccessToken[]> {
    return this.http.get<AccessToken[]>(apiPaths.accessTokens);
  }

  /** The new token, with its secret in `token`: the only time the API gives it. */
  create(request: CreateAccessTokenRequest): Observable<AccessToken> {
    return this.http.post<AccessToken>(apiPaths.accessTokens, request);
  }

  revoke(id: number): Observable<void> {
    return this.http.delete<void>(apiPaths.accessToken(id));
  }
}
