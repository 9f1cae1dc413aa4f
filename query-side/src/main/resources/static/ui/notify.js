// Telling the user what happened: changes through the ARIA live region, refusals in plain words.

import { h, clear } from './dom.js';
import { t } from './i18n.js';

/** Says it to screen readers (polite) without moving focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // a new text node, so that assistive technology notices the same words said twice
  setTimeout(() => { region.textContent = text; }, 30);
}

/** A refusal's problem+json detail in plain words. */
export function plainWords(problem) {
  const detail = problem.body?.detail || problem.message || '';
  const known = [0, 400, 401, 403, 404, 409, 412, 413, 422];
  return t(known.includes(problem.status) ? `error.${problem.status}` : 'error.other',
    { detail, status: problem.status, version: problem.body?.currentVersion ?? '' });
}

/** A notice at the top of the page, for what happened outside any dialog. */
export function notice(text, kind = 'info') {
  const area = document.getElementById('notices');
  if (!area) return;
  const item = h(`div.notice.notice-${kind}`, { role: kind === 'error' ? 'alert' : 'status' },
    h('span', null, text),
    h('button.linklike', { type: 'button', onclick: () => item.remove(), 'aria-label': t('action.dismiss') }, '×'));
  area.append(item);
  if (kind !== 'error') setTimeout(() => item.remove(), 8000);
}

export function clearNotices() {
  const area = document.getElementById('notices');
  if (area) clear(area);
}
