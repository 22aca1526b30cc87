/** The API's base path (shared/API.md): every request the client makes goes under it. */
const API_BASE = '/api/v1';

/** Every path of the Blog API the client calls, in one place. */
export const apiPaths = {
  currentUser: `${API_BASE}/users/current`,
  register: `${API_BASE}/register`,
  login: `${API_BASE}/login`,
  logout: `${API_BASE}/logout`,
  password: `${API_BASE}/users/current/password`,
  sessions: `${API_BASE}/users/current/sessions`,
  session: (id: string) => `${API_BASE}/users/current/sessions/${encodeURIComponent(id)}`,
  endOtherSessions: `${API_BASE}/users/current/sessions/end-others`,
  export: `${API_BASE}/users/current/export`,
  articles: `${API_BASE}/articles`,
  article: (id: number) => `${API_BASE}/articles/${id}`,
  articlePreview: `${API_BASE}/articles/preview`,
  accessTokens: `${API_BASE}/users/current/tokens`,
  accessToken: (id: number) => `${API_BASE}/users/current/tokens/${id}`,
} as const;
