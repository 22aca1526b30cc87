import type { components } from '../api/schema';

export type Article = components['schemas']['Article'];
export type ArticlePage = components['schemas']['ArticlePage'];
export type CreateArticleRequest = components['schemas']['CreateArticleRequest'];
export type ArticleDraft = components['schemas']['ArticleDraft'];
export type Preview = components['schemas']['Preview'];

/**
 * An article with the version it was read or saved at (its `ETag`, opaque to the client): an edit
 * or a delete is made against the version the author saw, never a newer one fetched meanwhile.
 */
export interface VersionedArticle {
  article: Article;
  etag: string;
}

export const TITLE_MAX_LENGTH = 120;
export const CONTENT_MIN_LENGTH = 10;
export const CONTENT_MAX_LENGTH = 10_000;
export const SEARCH_MAX_LENGTH = 200;
