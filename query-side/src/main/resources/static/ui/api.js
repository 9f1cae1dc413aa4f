// The public API: reads from the query side (this origin, with the session cookie), commands to the command side
// (session.commandUrl, with the bearer token). A refusal becomes a Problem carrying the problem+json body.

import { current, token } from './session.js';

export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

/** GET a JSON read of the query side: read('/api/drafts/' + id, {version: 3}). */
export async function read(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new Problem(0, { detail: e.message });
  }
  return answer(response);
}

/** A read that answers text (an HTML redline, say). */
export async function readText(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) await answer(response);
  return response.text();
}

/**
 * A command: command('POST', `/api/drafts/${d}/brackets/${b}/accept`, {alternativeId}, {ifMatch: 12}).
 * Every command carries an Idempotency-Key, so that repeating one after a lost answer changes nothing.
 */
export async function command(method, path, body, { ifMatch, contentType = 'application/json', key } = {}) {
  const headers = {
    Authorization: `Bearer ${await token()}`,
    'Idempotency-Key': key || newKey(),
    Accept: 'application/json',
  };
  if (body !== undefined && body !== null) headers['Content-Type'] = contentType;
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(current().commandUrl.replace(/\/$/, '') + path, {
      method,
      headers,
      mode: 'cors',
      body: body === undefined || body === null ? undefined
        : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
  } catch (e) {
    throw new Problem(0, { detail: e.message });
  }
  return answer(response);
}

/** A random key; crypto.randomUUID exists only on secure origins, and Plenary may be served over plain HTTP. */
export function newKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/** The draft's export in a format, as a link the browser downloads with the session cookie. */
export function exportUrl(draftId, format, options = {}) {
  const query = new URLSearchParams({ format, ...options });
  return `/api/drafts/${encodeURIComponent(draftId)}/text?${query}`;
}
