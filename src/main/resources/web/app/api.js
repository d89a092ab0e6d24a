// The public JSON API, and nothing else: every call the pages make goes through here.
import { has, language, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** Field errors as "field: message" lines. */
  fields() {
    return (this.problem.errors || []).map((e) => `${e.field}: ${e.message}`);
  }
}

export async function call(method, path, { body, raw, rawType, token, headers = {} } = {}) {
  // the page's language first: the service writes mail to an address in the language of the request that gave it
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': language(), ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (raw !== undefined) {
    init.headers['Content-Type'] = rawType;
    init.body = raw;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 304) {
    return { status: 304, body: null, headers: response.headers };
  }
  if (response.status === 204) {
    await response.arrayBuffer();
    return { status: 204, body: null, headers: response.headers };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : null);
  return { status: response.status, body: data, headers: response.headers };
}

/** A file the API serves (the CSV export), as a Blob; a problem answer throws ApiError like any call. */
export async function download(path, { token } = {}) {
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    throw new ApiError(response.status, type.includes('json') ? await response.json() : null);
  }
  return response.blob();
}

export const events = (id) => `/api/v1/events/${encodeURIComponent(id)}`;

/**
 * A failed call as the reader is told it. In English, the API's own words (its detail and
 * each field's message); in another language, the problem type's message from the catalog
 * and, for each invalid field, that field's path (the API's messages are English only).
 */
export function problemText(error) {
  if (!(error instanceof ApiError)) return t('problem.network');
  if (language() === 'en') return [error.message, ...error.fields()].join(' ');
  const slug = String(error.problem.type || '').split('/').pop();
  const title = has(`problem.${slug}`) ? t(`problem.${slug}`) : t('problem.status', { status: error.status });
  return [title, ...(error.problem.errors || []).map((e) => t('problem.field', { field: e.field }))].join(' ');
}
