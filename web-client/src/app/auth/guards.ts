import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Session } from './session';

/** Lets signed-in users through; sends others to sign in, and back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  return (
    session.signedIn() ||
    router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } })
  );
};

/** Keeps signed-in users away from the sign-in and registration screens. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(Session);
  const router = inject(Router);
  return !session.signedIn() || router.createUrlTree(['/articles']);
};

/** Where to go after signing in: only paths inside this app, never back to the sign-in screens. */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  if (
    !returnUrl ||
    !returnUrl.startsWith('/') ||
    returnUrl.startsWith('//') ||
    returnUrl.startsWith('/\\') ||
    /^\/(login|register)(?:[/?#]|$)/.test(returnUrl)
  ) {
    return '/articles';
  }
  return returnUrl;
}
