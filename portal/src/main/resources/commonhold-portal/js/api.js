// Every call goes to the gateway on this origin with the session cookie; the gateway relays the
// signed-in person's token (no access token ever reaches the page). Changes carry the session's CSRF
// token in X-XSRF-TOKEN: the page gets it from /portal/session and keeps it in memory only.

/** An RFC 9457 problem answered by the API: status, title, detail and the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** [{field, message}] from the problem's "errors" (services name fields there), else []. */
  fieldErrors() {
    const errors = this.problem.errors || this.problem.invalidParams || [];
    return errors.map(e => ({ field: e.field || e.name || e.pointer || '', message: e.message || e.reason || e.detail || '' }));
  }
}

let csrf = '';

function csrfToken() {
  return csrf;
}

function useCsrfToken(token) {
  csrf = token || '';
}

async function call(method, path, body, { raw = false, contentType, accept = 'application/json', idempotencyKey } = {}) {
  const headers = { Accept: `${accept}, application/problem+json` };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  // A change that moves money names itself: a retry of the same click with the same key gets the first answer.
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let payload;
  if (body instanceof Blob || typeof body === 'string') {
    payload = body;
    headers['Content-Type'] = contentType || body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!response.ok) {
    let problem = { title: response.statusText };
    try { problem = await response.json(); } catch { /* not JSON: keep the status text */ }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const api = {
  get: (path, options) => call('GET', path, undefined, options),
  post: (path, body, options) => call('POST', path, body, options),
  put: (path, body, options) => call('PUT', path, body, options),
  del: (path) => call('DELETE', path),
  csrfToken,
  useCsrfToken,
};
