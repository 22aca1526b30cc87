import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Observable, Subscription, map, tap } from 'rxjs';

import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { ErrorMessages, FormState } from '../shared/form-state';
import { notBlank, trimmedMaxLength } from '../shared/forms';
import { describeError, fieldErrorsOf } from '../shared/problem';
import { Spinner } from '../shared/spinner';
import {
  Article,
  ArticleDraft,
  CONTENT_MAX_LENGTH,
  CONTENT_MIN_LENGTH,
  TITLE_MAX_LENGTH,
} from './article';
import { ArticlesApi } from './articles-api';

type Field = 'title' | 'content';
type Tab = 'write' | 'preview';

const MESSAGES: Record<Field, ErrorMessages> = {
  title: {
    required: 'Enter a title.',
    maxlength: `The title must be at most ${TITLE_MAX_LENGTH} characters.`,
  },
  content: {
    required: 'Write some content.',
    minlength: `The content must be at least ${CONTENT_MIN_LENGTH} characters.`,
    maxlength: `The content must be at most ${CONTENT_MAX_LENGTH} characters.`,
  },
};

/** What the author had typed when their save was refused, kept on screen until they are done with it. */
interface KeptText {
  draft: ArticleDraft;
  /** Deleted elsewhere: there is no latest version to load. */
  deleted: boolean;
  latestLoaded: boolean;
}

type PreviewState =
  { state: 'loading' } | { state: 'shown'; html: string } | { state: 'failed'; message: string };

@Component({
  selector: 'app-article-editor',
  imports: [ReactiveFormsModule, RouterLink, FieldState, FieldError, BusyButton, Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="h3 mb-3">{{ id() ? 'Edit article' : 'New article' }}</h1>

    @if (loading()) {
      <p class="text-body-secondary" role="status"><app-spinner />Loading article…</p>
    } @else if (loadError(); as message) {
      <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
        <span class="me-auto">{{ message }}</span>
        <a class="btn btn-sm btn-outline-danger" routerLink="/articles">Back to your articles</a>
      </div>
    } @else {
      @if (kept(); as held) {
        <section class="alert alert-warning" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title" class="h6">
            {{
              held.deleted
                ? 'This article was deleted elsewhere'
                : 'This article was changed elsewhere'
            }}
          </h2>
          <p class="mb-2">
            @if (held.latestLoaded) {
              The form now shows the latest version. Your text is below: copy what you want to keep.
            } @else if (held.deleted) {
              Your text was not saved. Copy it to keep it.
            } @else {
              Your text was not saved. Load the latest version to see what changed, or copy your
              text first; your text stays here either way.
            }
          </p>
          <label for="kept-text" class="form-label small">Your text (not saved)</label>
          <textarea id="kept-text" class="form-control mb-2" rows="6" readonly>{{
            held.draft.title + '\\n\\n' + held.draft.content
          }}</textarea>
          <div class="d-flex flex-wrap gap-2 align-items-center">
            <button type="button" class="btn btn-sm btn-outline-dark" (click)="copyKept(held)">
              Copy your text
            </button>
            @if (!held.deleted && !held.latestLoaded) {
              <button
                type="button"
                class="btn btn-sm btn-warning"
                appBusyButton
                [busy]="reloading()"
                label="Load the latest version"
                busyLabel="Loading…"
                (click)="loadLatest(held)"
              ></button>
            }
            @if (held.latestLoaded) {
              <button
                type="button"
                class="btn btn-sm btn-outline-secondary"
                (click)="kept.set(null)"
              >
                Done
              </button>
            }
            <span class="small" role="status">{{ copyStatus() }}</span>
          </div>
        </section>
      }

      @if (state.error(); as message) {
        <div class="alert alert-danger" role="alert">{{ message }}</div>
      }

      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <div class="mb-3">
          <label for="title" class="form-label">Title</label>
          <input
            id="title"
            class="form-control"
            formControlName="title"
            autocomplete="off"
            aria-describedby="title-count"
            [appFieldState]="state.errorFor('title')"
          />
          <div
            id="title-count"
            class="form-text text-end"
            [class.text-danger]="titleLength() > titleMax"
          >
            {{ titleLength() }} / {{ titleMax }}
          </div>
          <app-field-error id="title-error" [message]="state.errorFor('title')" />
        </div>

        <div class="mb-3">
          <div class="d-flex flex-wrap align-items-end justify-content-between gap-2 mb-2">
            <label for="content" class="form-label mb-0" id="content-label">Content</label>
            <div class="nav nav-tabs border-0" role="tablist" aria-label="Write or preview">
              @for (t of tabs; track t.id) {
                <button
                  type="button"
                  class="nav-link py-1"
                  role="tab"
                  [id]="t.id + '-tab'"
                  [attr.aria-controls]="t.id + '-panel'"
                  [class.active]="tab() === t.id"
                  [attr.aria-selected]="tab() === t.id"
                  [attr.tabindex]="tab() === t.id ? 0 : -1"
                  (click)="show(t.id)"
                  (keydown.arrowRight)="show(t.other, true)"
                  (keydown.arrowLeft)="show(t.other, true)"
                >
                  {{ t.label }}
                </button>
              }
            </div>
          </div>
          <div
            id="write-panel"
            role="tabpanel"
            aria-labelledby="write-tab"
            [hidden]="tab() !== 'write'"
          >
            <textarea
              id="content"
              class="form-control"
              rows="12"
              formControlName="content"
              aria-describedby="content-count content-help"
              [appFieldState]="state.errorFor('content')"
            ></textarea>
            <div class="d-flex flex-wrap justify-content-between gap-2">
              <div id="content-help" class="form-text">
                Markdown: **bold**, _italic_, ~~strike~~, [links](https://…), lists, - [ ] tasks,
                tables, \`\`\` code.
              </div>
              <div
                id="content-count"
                class="form-text text-end ms-auto"
                [class.text-danger]="contentLength() > contentMax"
              >
                {{ contentLength() }} / {{ contentMax }}
              </div>
            </div>
            <app-field-error id="content-error" [message]="state.errorFor('content')" />
          </div>
          <div
            id="preview-panel"
            role="tabpanel"
            aria-labelledby="preview-tab"
            class="border rounded p-3 preview-panel"
            tabindex="0"
            [hidden]="tab() !== 'preview'"
          >
            @switch (preview()?.state) {
              @case ('loading') {
                <p class="text-body-secondary mb-0" role="status">
                  <app-spinner />Rendering preview…
                </p>
              }
              @case ('failed') {
                <p class="text-danger mb-0" role="alert">{{ previewMessage() }}</p>
              }
              @case ('shown') {
                <div class="article-html" [innerHTML]="previewHtml()"></div>
              }
            }
          </div>
        </div>

        <div class="d-flex flex-wrap gap-2">
          <button
            type="submit"
            class="btn btn-primary"
            appBusyButton
            [busy]="state.pending()"
            [label]="id() ? 'Save' : 'Publish'"
            [busyLabel]="id() ? 'Saving…' : 'Publishing…'"
          ></button>
          <a
            class="btn btn-outline-secondary"
            [routerLink]="id() ? ['/articles', id()] : '/articles'"
            >Cancel</a
          >
        </div>
      </form>
    }
  `,
})
export class ArticleEditor {
  private readonly articles = inject(ArticlesApi);
  private readonly router = inject(Router);

  /** The `:id` route parameter when editing, bound by the router; absent for a new article. */
  readonly id = input<string>();

  protected readonly titleMax = TITLE_MAX_LENGTH;
  protected readonly contentMax = CONTENT_MAX_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [notBlank, trimmedMaxLength(TITLE_MAX_LENGTH)]],
    content: [
      '',
      [
        notBlank,
        Validators.minLength(CONTENT_MIN_LENGTH),
        Validators.maxLength(CONTENT_MAX_LENGTH),
      ],
    ],
  });
  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  /** The title counts as the API counts it: after trimming. */
  protected readonly titleLength = computed(() => (this.value().title ?? '').trim().length);
  protected readonly contentLength = computed(() => (this.value().content ?? '').length);
  protected readonly state = new FormState(this.form, MESSAGES);

  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** The version being edited (its ETag): saves are made against it. */
  private etag: string | null = null;

  /** The two tabs; an arrow key moves to the other, as the ARIA tabs pattern has it. */
  protected readonly tabs: readonly { id: Tab; label: string; other: Tab }[] = [
    { id: 'write', label: 'Write', other: 'preview' },
    { id: 'preview', label: 'Preview', other: 'write' },
  ];
  protected readonly tab = signal<Tab>('write');
  protected readonly preview = signal<PreviewState | null>(null);
  protected readonly previewHtml = computed(() => {
    const preview = this.preview();
    return preview?.state === 'shown' ? preview.html : '';
  });
  protected readonly previewMessage = computed(() => {
    const preview = this.preview();
    return preview?.state === 'failed' ? preview.message : '';
  });
  private previewing: Subscription | null = null;

  protected readonly kept = signal<KeptText | null>(null);
  protected readonly reloading = signal(false);
  protected readonly copyStatus = signal('');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id !== undefined) {
          this.load(id);
        }
      });
    });
  }

  protected show(tab: Tab, focus = false): void {
    this.tab.set(tab);
    if (focus) {
      document.getElementById(`${tab}-tab`)?.focus();
    }
    if (tab === 'preview') {
      this.renderPreview();
    }
  }

  protected submit(): void {
    const id = this.id();
    this.state.submit({
      send: ({ title, content }) =>
        id === undefined
          ? this.articles.create({ title: title.trim(), content })
          : this.save(Number(id), { title: title.trim(), content }),
      done: (article: Article) => void this.router.navigate(['/articles', article.id]),
      failed: (error) => this.saveFailure(error),
    });
  }

  protected loadLatest(kept: KeptText): void {
    const id = this.id();
    if (id === undefined || this.reloading()) {
      return;
    }
    this.reloading.set(true);
    this.articles.get(Number(id)).subscribe({
      next: ({ article, etag }) => {
        this.reloading.set(false);
        this.etag = etag;
        this.form.setValue({ title: article.title, content: article.content });
        this.kept.set({ ...kept, latestLoaded: true });
        this.preview.set(null);
        if (this.tab() === 'preview') {
          this.renderPreview();
        }
      },
      error: (error: unknown) => {
        this.reloading.set(false);
        if (error instanceof HttpErrorResponse && error.status === 404) {
          this.kept.set({ ...kept, deleted: true });
        } else {
          this.copyStatus.set(describeError(error));
        }
      },
    });
  }

  protected copyKept(kept: KeptText): void {
    const text = `${kept.draft.title}\n\n${kept.draft.content}`;
    navigator.clipboard.writeText(text).then(
      () => this.copyStatus.set('Copied.'),
      () => {
        // Without clipboard permission, the text is selected for the author to copy themselves.
        const field = document.getElementById('kept-text') as HTMLTextAreaElement | null;
        field?.focus();
        field?.select();
        this.copyStatus.set('Selected: press Ctrl+C (⌘C) to copy.');
      },
    );
  }

  private load(id: string): void {
    if (!/^[1-9]\d{0,14}$/.test(id)) {
      this.loadError.set('This article does not exist, or it is not one of yours.');
      return;
    }
    this.loading.set(true);
    this.articles.get(Number(id)).subscribe({
      next: ({ article, etag }) => {
        this.loading.set(false);
        this.etag = etag;
        this.form.setValue({ title: article.title, content: article.content });
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(
          error instanceof HttpErrorResponse && error.status === 404
            ? 'This article does not exist, or it is not one of yours.'
            : describeError(error),
        );
      },
    });
  }

  private save(id: number, draft: ArticleDraft): Observable<Article> {
    return this.articles.update(id, draft, this.etag ?? '').pipe(
      tap(({ etag }) => (this.etag = etag)),
      map(({ article }) => article),
    );
  }

  private saveFailure(error: unknown): string | null {
    if (!(error instanceof HttpErrorResponse)) {
      return describeError(error);
    }
    switch (error.status) {
      case 401:
        return null; // the session-ended interceptor takes over
      case 403:
        return 'Your account may not publish articles.';
      case 404:
      case 412:
        if (this.id() !== undefined) {
          this.copyStatus.set('');
          this.kept.set({
            draft: this.form.getRawValue(),
            deleted: error.status === 404,
            latestLoaded: false,
          });
          return null;
        }
        return describeError(error);
      case 413:
        return 'The article is too large to publish.';
      default:
        return describeError(error);
    }
  }

  private renderPreview(): void {
    this.previewing?.unsubscribe();
    this.preview.set({ state: 'loading' });
    this.previewing = this.articles.preview(this.form.getRawValue().content).subscribe({
      next: (html) => this.preview.set({ state: 'shown', html }),
      error: (error: unknown) =>
        this.preview.set({
          state: 'failed',
          message: fieldErrorsOf(error, ['content'])['content'] ?? describeError(error),
        }),
    });
  }
}
