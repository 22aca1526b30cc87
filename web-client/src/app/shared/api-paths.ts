/** The API's base path (shared/API.md): every request the client makes goes under it. */
const API_BASE = '/api/v1';

/** Every path of the Blog API the client calls, in one place. */
export const apiPaths = {
  currentUser: `${API_BASE}/users/current`,
  register: `${API_BASE}/register`,
  login: `${API_BASE}/login`,
  logout: `${API_BASE}/logout`,
  articles: `${API_BASE}/articles`,
  article: (id: number) => `${API_BASE}/articles/${id}`,
  accessTokens: `${API_BASE}/users/current/tokens`,
  accessToken: (id: number) => `${API_BASE}/users/current/tokens/${id}`,
} as const;
