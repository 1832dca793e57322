import {language} from './i18n.js';
// The public API, on the browser session: the cookie authenticates, writes carry the CSRF secret.

let csrfToken = null;
let onSignedOut = () => {};

export function useSession(session, signedOut) {
  csrfToken = session ? session.csrfToken : null;
  if (signedOut) onSignedOut = signedOut;
}

/** A refusal of the API: its problem's detail is what the user reads. */
export class Problem extends Error {
  constructor(status, body) {
    const detail = body && typeof body === 'object' ? body.detail || body.title : null;
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.type = body && body.type ? String(body.type).split('/').pop() : null;
    this.body = body;
  }
}

export async function api(method, path, body, headers) {
  const h = {Accept: 'application/json', 'Accept-Language': language(), ...(headers || {})};
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) h['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch('/api/v1' + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new Problem(0, {detail: 'network error: ' + e.message});
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = new Problem(response.status, data);
    if (response.status === 401 && !path.startsWith('/sessions')) onSignedOut(problem);
    throw problem;
  }
  return data;
}

export const get = (path) => api('GET', path);

/**
 * A conditional GET for polling: null when the resource still has the ETag held (304), else
 * {data, etag}. Without an ETag it always reads.
 */
export async function poll(path, etag) {
  const headers = {Accept: 'application/json', 'Accept-Language': language()};
  if (etag) headers['If-None-Match'] = etag;
  const response = await fetch('/api/v1' + path, {headers, credentials: 'same-origin'});
  if (response.status === 304) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = new Problem(response.status, data);
    if (response.status === 401) onSignedOut(problem);
    throw problem;
  }
  return {data, etag: response.headers.get('ETag')};
}
export const post = (path, body, headers) => api('POST', path, body === undefined ? {} : body, headers);

/** A query string from the non-empty entries. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** A fresh Idempotency-Key for one user action (a retry of the same click reuses it). */
export function idempotencyKey() {
  return crypto.randomUUID();
}
