import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { BusyButton } from '../shared/busy-button';
import { FieldError } from '../shared/field-error';
import { FieldState } from '../shared/field-state';
import { ErrorMessages, FormState } from '../shared/form-state';
import { notBlank, trimmedMaxLength } from '../shared/forms';
import { describeError } from '../shared/problem';
import { CONTENT_MAX_LENGTH, CONTENT_MIN_LENGTH, TITLE_MAX_LENGTH } from './article';
import { ArticlesApi } from './articles-api';

type Field = 'title' | 'content';

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

@Component({
  selector: 'app-article-editor',
  imports: [ReactiveFormsModule, RouterLink, FieldState, FieldError, BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="h3 mb-3">New article</h1>

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
        <label for="content" class="form-label">Content</label>
        <textarea
          id="content"
          class="form-control"
          rows="12"
          formControlName="content"
          aria-describedby="content-count"
          [appFieldState]="state.errorFor('content')"
        ></textarea>
        <div
          id="content-count"
          class="form-text text-end"
          [class.text-danger]="contentLength() > contentMax"
        >
          {{ contentLength() }} / {{ contentMax }}
        </div>
        <app-field-error id="content-error" [message]="state.errorFor('content')" />
      </div>

      <div class="d-flex flex-wrap gap-2">
        <button
          type="submit"
          class="btn btn-primary"
          appBusyButton
          [busy]="state.pending()"
          label="Publish"
          busyLabel="Publishing…"
        ></button>
        <a class="btn btn-outline-secondary" routerLink="/articles">Cancel</a>
      </div>
    </form>
  `,
})
export class ArticleEditor {
  private readonly articles = inject(ArticlesApi);
  private readonly router = inject(Router);

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

  protected submit(): void {
    this.state.submit({
      send: ({ title, content }) => this.articles.create({ title: title.trim(), content }),
      done: (article) => void this.router.navigate(['/articles', article.id]),
      failed: publishFailure,
    });
  }
}

function publishFailure(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) {
    return describeError(error);
  }
  switch (error.status) {
    case 401:
      return null; // the session-ended interceptor takes over
    case 403:
      return 'Your account may not publish articles.';
    case 413:
      return 'The article is too large to publish.';
    default:
      return describeError(error);
  }
}
