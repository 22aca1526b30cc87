import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { EMPTY, Subject, catchError, map, merge, switchMap, tap } from 'rxjs';

import { BusyButton } from '../shared/busy-button';
import { describeError } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import { VersionedArticle } from './article';
import { ArticlesApi } from './articles-api';

@Component({
  selector: 'app-article-detail',
  imports: [DatePipe, RouterLink, Spinner, BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="mb-3"><a routerLink="/articles">← Your articles</a></p>

    @if (loaded(); as loaded) {
      <article>
        <h1 class="h2 article-title">{{ loaded.article.title }}</h1>
        <p class="text-body-secondary small">
          By {{ loaded.article.author.username }} ·
          <time [attr.datetime]="loaded.article.createdAt">{{
            loaded.article.createdAt | date: 'medium'
          }}</time>
          @if (loaded.article.updatedAt; as updatedAt) {
            · edited <time [attr.datetime]="updatedAt">{{ updatedAt | date: 'medium' }}</time>
          }
        </p>
        <div class="d-flex flex-wrap gap-2 mb-3">
          <a
            class="btn btn-sm btn-outline-primary"
            [routerLink]="['/articles', loaded.article.id, 'edit']"
            >Edit</a
          >
          <button type="button" class="btn btn-sm btn-outline-danger" (click)="askToDelete()">
            Delete
          </button>
        </div>
        <!-- The API's sanitized HTML, sanitized once more by Angular on the way into the page. -->
        <div class="article-html" [innerHTML]="loaded.article.contentHtml"></div>
      </article>

      <dialog
        #confirmDelete
        class="delete-dialog border rounded p-0"
        aria-labelledby="delete-title"
        aria-describedby="delete-description"
        (close)="deleteError.set(null)"
      >
        <div class="p-3 p-sm-4">
          <h2 id="delete-title" class="h5">Delete this article?</h2>
          <p id="delete-description">
            “{{ loaded.article.title }}” will be deleted for good. This cannot be undone.
          </p>
          @if (deleteError(); as message) {
            <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
              <span class="me-auto">{{ message }}</span>
              @if (deleteConflict()) {
                <button
                  type="button"
                  class="btn btn-sm btn-outline-danger"
                  (click)="reloadAfterConflict()"
                >
                  Reload the article
                </button>
              }
            </div>
          }
          <div class="d-flex flex-wrap gap-2 justify-content-end">
            <button
              type="button"
              class="btn btn-outline-secondary"
              autofocus
              (click)="confirmDelete.close()"
            >
              Cancel
            </button>
            <button
              type="button"
              class="btn btn-danger"
              appBusyButton
              [busy]="deleting()"
              label="Delete"
              busyLabel="Deleting…"
              (click)="delete(loaded)"
            ></button>
          </div>
        </div>
      </dialog>
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
  private readonly router = inject(Router);

  /** The `:id` route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly loaded = signal<VersionedArticle | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly reload$ = new Subject<void>();

  private readonly confirmDelete = viewChild<ElementRef<HTMLDialogElement>>('confirmDelete');
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly deleteConflict = signal(false);

  constructor() {
    merge(toObservable(this.id), this.reload$.pipe(map(() => this.id())))
      .pipe(
        tap(() => {
          this.loaded.set(null);
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
      .subscribe((loaded) => {
        this.loaded.set(loaded);
        this.title.setTitle(`${loaded.article.title} · Blog`);
      });
  }

  protected askToDelete(): void {
    this.deleteError.set(null);
    this.deleteConflict.set(false);
    this.confirmDelete()?.nativeElement.showModal();
  }

  /** Deletes the version on screen: if it was edited elsewhere meanwhile, the author sees that first. */
  protected delete({ article, etag }: VersionedArticle): void {
    if (this.deleting()) {
      return;
    }
    this.deleting.set(true);
    this.deleteError.set(null);
    this.api.delete(article.id, etag).subscribe({
      next: () => void this.router.navigate(['/articles']),
      error: (error: unknown) => {
        this.deleting.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : null;
        if (status === 404) {
          void this.router.navigate(['/articles']);
        } else if (status === 412) {
          this.deleteConflict.set(true);
          this.deleteError.set('This article was changed elsewhere. Reload it before deleting it.');
        } else if (status !== 401) {
          this.deleteError.set(describeError(error));
        }
      },
    });
  }

  protected reloadAfterConflict(): void {
    this.confirmDelete()?.nativeElement.close();
    this.reload$.next();
  }
}
