import type { components } from '../api/schema';

export type Article = components['schemas']['Article'];
export type ArticlePage = components['schemas']['ArticlePage'];
export type CreateArticleRequest = components['schemas']['CreateArticleRequest'];

export const TITLE_MAX_LENGTH = 120;
export const CONTENT_MIN_LENGTH = 10;
export const CONTENT_MAX_LENGTH = 10_000;
export const SEARCH_MAX_LENGTH = 200;
