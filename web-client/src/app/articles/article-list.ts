import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, Subscription, debounceTime, distinctUntilChanged, filter, map } from 'rxjs';

import { BusyButton } from '../shared/busy-button';
import { describeError } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import { Article, SEARCH_MAX_LENGTH } from './article';
import { ArticlesApi } from './articles-api';

const EXCERPT_LENGTH = 200;

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

@Component({
  selector: 'app-article-list',
  imports: [DatePipe, RouterLink, BusyButton, Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
      <h1 class="h3 mb-0">Your articles</h1>
      @if (articles().length > 0 || search() !== '') {
        <a class="btn btn-primary" routerLink="/articles/new">New article</a>
      }
    </div>

    @if (articles().length > 0 || search() !== '') {
      <form class="mb-3" role="search" (submit)="$event.preventDefault()">
        <label class="form-label" for="article-search">Search your articles</label>
        <input
          #box
          id="article-search"
          class="form-control"
          type="search"
          autocomplete="off"
          [maxLength]="searchMaxLength"
          [value]="search()"
          (input)="typed.next(box.value)"
        />
      </form>
    }

    @if (loading() && articles().length === 0) {
      <p class="text-body-secondary" role="status">
        <app-spinner />{{ search() === '' ? 'Loading articles…' : 'Searching…' }}
      </p>
    } @else if (loaded() && articles().length === 0 && search() !== '') {
      <p class="text-body-secondary" role="status">No articles match “{{ search() }}”.</p>
    } @else if (loaded() && articles().length === 0) {
      <div class="text-center border rounded p-4 p-sm-5 bg-body-tertiary">
        <h2 class="h5">No articles yet</h2>
        <p class="mb-3">Share your first story with the world.</p>
        <a class="btn btn-primary" routerLink="/articles/new">Write your first article</a>
      </div>
    }

    @if (articles().length > 0) {
      <ul
        class="list-unstyled mb-3"
        [attr.aria-label]="search() === '' ? 'Articles' : 'Search results'"
      >
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
              @if (article.snippet !== undefined) {
                <!-- The API escapes the snippet and marks the matches; Angular's sanitizer checks it once more. -->
                <p
                  class="card-text article-excerpt article-snippet mb-0"
                  [innerHTML]="article.snippet"
                ></p>
              } @else {
                <p class="card-text article-excerpt mb-0">{{ excerpt(article) }}</p>
              }
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
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private request?: Subscription;

  protected readonly searchMaxLength = SEARCH_MAX_LENGTH;
  /** What the search box receives, before the pause that runs it. */
  protected readonly typed = new Subject<string>();

  /** The search shown, as the URL's ?q= says; '' lists every article. */
  protected readonly search = signal('');
  protected readonly articles = signal<Article[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  /** True once the first page has arrived. */
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // The URL is the one source of the search: typing navigates, and back, forward and reload land here too.
    this.route.queryParamMap
      .pipe(
        map((params) => params.get('q') ?? ''),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((search) => {
        this.search.set(search);
        this.articles.set([]);
        this.nextCursor.set(null);
        this.loaded.set(false);
        this.load();
      });

    this.typed
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        filter((search) => search !== this.search()),
        takeUntilDestroyed(),
      )
      .subscribe((search) => {
        void this.router.navigate([], {
          relativeTo: this.route,
          queryParams: { q: search === '' ? null : search },
        });
      });
  }

  /** Loads the first page, or the next one after those shown; a new search drops an answer still on its way. */
  protected load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api
      .list(this.nextCursor(), this.search())
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
