import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { Account } from './account/account';
import { routes } from './app.routes';
import { ArticleDetail } from './articles/article-detail';
import { ArticleEditor } from './articles/article-editor';
import { ArticleList } from './articles/article-list';
import { Login } from './auth/login';
import { Register } from './auth/register';
import { Session } from './auth/session';
import { NotFound } from './layout/not-found';

describe('routes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  function signIn(): void {
    TestBed.inject(Session)
      .login({ usernameOrEmail: 'alice', password: 'secret-password' })
      .subscribe();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/login')
      .flush({ id: 1, username: 'alice', email: 'alice@example.com', roles: ['author'] });
  }

  async function visit(url: string, component: Type<unknown>, title: string): Promise<void> {
    expect(await harness.navigateByUrl(url)).toBeInstanceOf(component);
    expect(TestBed.inject(Title).getTitle()).toBe(title);
  }

  function url(): string {
    return TestBed.inject(Router).url;
  }

  it('shows sign-in and registration to signed-out users', async () => {
    await visit('/login', Login, 'Sign in · Blog');
    await visit('/register', Register, 'Create account · Blog');
  });

  it('sends signed-out users from any article screen to sign in', async () => {
    for (const path of ['/', '/articles', '/articles/new', '/articles/7']) {
      await harness.navigateByUrl(path);
      expect(url()).toBe(
        `/login?returnUrl=${encodeURIComponent(path === '/' ? '/articles' : path)}`,
      );
    }
  });

  it('shows the article screens to signed-in users, and not sign-in or registration', async () => {
    signIn();
    await visit('/articles', ArticleList, 'Your articles · Blog');
    await visit('/articles/new', ArticleEditor, 'New article · Blog');
    await visit('/articles/7', ArticleDetail, 'Article · Blog');
    await harness.navigateByUrl('/login');
    expect(url()).toBe('/articles');
    await harness.navigateByUrl('/register');
    expect(url()).toBe('/articles');
  });

  it('shows the account page to signed-in users only', async () => {
    await harness.navigateByUrl('/account');
    expect(url()).toBe(`/login?returnUrl=${encodeURIComponent('/account')}`);
    signIn();
    await visit('/account', Account, 'Account · Blog');
  });

  it('answers an unknown address with the not-found screen', async () => {
    await visit('/no/such/page', NotFound, 'Page not found · Blog');
  });
});
