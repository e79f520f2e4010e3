// The API client (app/server/API.md is the contract). Every change carries the session's
// CSRF token; a command carries the Idempotency-Key of the user's intent, and a request
// that got no answer (connection dropped: the server closes idle keep-alive connections)
// is sent again with the same key, so it is applied once. When the session has ended, the
// request waits for the user to sign in again (a dialog over the page, nothing typed is
// lost) and is then sent again.

export class ApiError extends Error {
  constructor(status, code, message, fields = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields || {};
  }
}

let csrf = '';
let reauth = null; // async () => void: shows the sign-in dialog; set by app.js

export function setCsrf(token) {
  csrf = token || '';
}

export function setReauthenticate(fn) {
  reauth = fn;
}

const RETRIES = 2;

async function send(method, path, { body, key, contentType, accept }) {
  const headers = {};
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrf;
  if (key) headers['Idempotency-Key'] = key;
  let payload;
  if (body instanceof Blob || body instanceof ArrayBuffer || body instanceof Uint8Array) {
    payload = body;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (accept) headers.Accept = accept;
  let lastError;
  // A GET, or a change carrying an idempotency key, may be sent again safely.
  const retries = method === 'GET' || key ? RETRIES : 0;
  for (let attempt = 0; attempt <= retries; ++attempt) {
    try {
      return await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      lastError = e;
    }
  }
  throw new ApiError(0, 'network', lastError ? String(lastError.message || lastError) : 'network error');
}

async function errorOf(res) {
  let j = null;
  try {
    j = await res.json();
  } catch {
    /* not JSON: a proxy's page */
  }
  return new ApiError(res.status, j?.error || `http_${res.status}`, j?.message || res.statusText, j?.fields || {});
}

// Sends a request; returns the parsed JSON (or a Response when opts.raw). Throws ApiError.
export async function api(method, path, opts = {}) {
  let res = await send(method, path, opts);
  if (res.status === 401 && !opts.noReauth && reauth) {
    const err = await errorOf(res);
    if (err.code === 'unauthenticated') {
      await reauth();
      res = await send(method, path, opts);
    } else {
      throw err;
    }
  }
  if (!res.ok) throw await errorOf(res);
  if (opts.raw) return res;
  return res.json();
}

export const get = (path, opts) => api('GET', path, opts);
export const post = (path, body, opts = {}) => api('POST', path, { ...opts, body });

// A command on a case task: POST /api/v1/cases/{id}/tasks/{task}/{action}.
export function act(caseId, task, action, body, key) {
  return post(`/api/v1/cases/${caseId}/tasks/${encodeURIComponent(task)}/${action}`, body, { key });
}

// Query string from an object, skipping empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

// The file name of a download from Content-Disposition, or `fallback`.
export function fileNameOf(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  const star = cd.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = cd.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}
