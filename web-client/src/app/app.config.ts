import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { routes } from './app.routes';
import { csrfRetryInterceptor, sessionEndedInterceptor } from './auth/interceptors';
import { Session } from './auth/session';
import { XSRF_COOKIE_NAME, XSRF_HEADER_NAME } from './shared/xsrf';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(
      withInterceptors([sessionEndedInterceptor, csrfRetryInterceptor]),
      withXsrfConfiguration({ cookieName: XSRF_COOKIE_NAME, headerName: XSRF_HEADER_NAME }),
    ),
    // Who is signed in (and a first XSRF token) before the first route is chosen. If the API
    // cannot be reached the app starts signed out, and the next request shows the error.
    provideAppInitializer(() =>
      firstValueFrom(inject(Session).refresh()).then(
        () => undefined,
        () => undefined,
      ),
    ),
  ],
};
