import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { BusyButton } from '../shared/busy-button';
import { describeError } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import { Article } from './article';
import { ArticlesApi } from './articles-api';

const EXCERPT_LENGTH = 200;

@Component({
  selector: 'app-article-list',
  imports: [DatePipe, RouterLink, BusyButton, Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
      <h1 class="h3 mb-0">Your articles</h1>
      @if (articles().length > 0) {
        <a class="btn btn-primary" routerLink="/articles/new">New article</a>
      }
    </div>

    @if (loading() && articles().length === 0) {
      <p class="text-body-secondary" role="status"><app-spinner />Loading articles…</p>
    } @else if (loaded() && articles().length === 0) {
      <div class="text-center border rounded p-4 p-sm-5 bg-body-tertiary">
        <h2 class="h5">No articles yet</h2>
        <p class="mb-3">Share your first story with the world.</p>
        <a class="btn btn-primary" routerLink="/articles/new">Write your first article</a>
      </div>
    }

    @if (articles().length > 0) {
      <ul class="list-unstyled mb-3" aria-label="Articles">
        @for (article of articles(); track article.id) {
          <li class="card mb-3">
            <div class="card-body">
              <h2 class="h5 card-title article-title">
                <a [routerLink]="['/articles', article.id]">{{ article.title }}</a>
              </h2>
              <p class="card-subtitle small text-body-secondary mb-2">
                <time [attr.datetime]="article.createdAt">{{
                  article.createdAt | date: 'medium'
                }}</time>
              </p>
              <p class="card-text article-excerpt mb-0">{{ excerpt(article) }}</p>
            </div>
          </li>
        }
      </ul>
    }

    @if (error(); as message) {
      <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
        <span class="me-auto">{{ message }}</span>
        <button type="button" class="btn btn-sm btn-outline-danger" (click)="load()">
          Try again
        </button>
      </div>
    }

    @if (nextCursor() !== null && !error()) {
      <button
        type="button"
        class="btn btn-outline-primary"
        appBusyButton
        [busy]="loading()"
        label="Load more"
        busyLabel="Loading…"
        (click)="load()"
      ></button>
    }
  `,
})
export class ArticleList {
  private readonly api = inject(ArticlesApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly articles = signal<Article[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  /** True once the first page has arrived. */
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.load();
  }

  /** Loads the first page, or the next one after those shown. */
  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .list(this.nextCursor())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.articles.update((shown) => [...shown, ...page.items]);
          this.nextCursor.set(page.nextCursor);
          this.loaded.set(true);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.error.set(describeError(error));
          this.loading.set(false);
        },
      });
  }

  protected excerpt(article: Article): string {
    const text = article.content.replace(/\s+/g, ' ').trim();
    return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text;
  }
}
