export interface Article {
  id: number;
  title: string;
  content: string;
  createdAt: string;
  author: { id: number; username: string };
}

export interface ArticlePage {
  items: Article[];
  nextCursor: string | null;
}

export interface CreateArticleRequest {
  title: string;
  content: string;
}

export const TITLE_MAX_LENGTH = 120;
export const CONTENT_MIN_LENGTH = 10;
export const CONTENT_MAX_LENGTH = 10_000;
