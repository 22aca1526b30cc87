import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { EMPTY, Subject, catchError, map, merge, switchMap, tap } from 'rxjs';

import { describeError } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import { Article } from './article';
import { ArticlesApi } from './articles-api';

@Component({
  selector: 'app-article-detail',
  imports: [DatePipe, RouterLink, Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="mb-3"><a routerLink="/articles">← Your articles</a></p>

    @if (article(); as article) {
      <article>
        <h1 class="h2 article-title">{{ article.title }}</h1>
        <p class="text-body-secondary small">
          By {{ article.author.username }} ·
          <time [attr.datetime]="article.createdAt">{{ article.createdAt | date: 'medium' }}</time>
        </p>
        <div class="article-content">{{ article.content }}</div>
      </article>
    } @else if (notFound()) {
      <div class="text-center border rounded p-4 p-sm-5 bg-body-tertiary">
        <h1 class="h4">Article not found</h1>
        <p>This article does not exist, or it is not one of yours.</p>
        <a class="btn btn-primary" routerLink="/articles">Back to your articles</a>
      </div>
    } @else if (error(); as message) {
      <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
        <span class="me-auto">{{ message }}</span>
        <button type="button" class="btn btn-sm btn-outline-danger" (click)="reload$.next()">
          Try again
        </button>
      </div>
    } @else {
      <p class="text-body-secondary" role="status"><app-spinner />Loading article…</p>
    }
  `,
})
export class ArticleDetail {
  private readonly api = inject(ArticlesApi);
  private readonly title = inject(Title);

  /** The `:id` route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly article = signal<Article | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly reload$ = new Subject<void>();

  constructor() {
    merge(toObservable(this.id), this.reload$.pipe(map(() => this.id())))
      .pipe(
        tap(() => {
          this.article.set(null);
          this.notFound.set(false);
          this.error.set(null);
        }),
        switchMap((id) => {
          if (!/^[1-9]\d{0,14}$/.test(id)) {
            this.notFound.set(true);
            return EMPTY;
          }
          return this.api.get(Number(id)).pipe(
            catchError((error: unknown) => {
              if (error instanceof HttpErrorResponse && error.status === 404) {
                this.notFound.set(true);
              } else {
                this.error.set(describeError(error));
              }
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((article) => {
        this.article.set(article);
        this.title.setTitle(`${article.title} · Blog`);
      });
  }
}
