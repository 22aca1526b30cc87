/** The names the API's antiforgery set-up uses (the Angular defaults, spelled out). */
export const XSRF_COOKIE_NAME = 'XSRF-TOKEN';
export const XSRF_HEADER_NAME = 'X-XSRF-TOKEN';
