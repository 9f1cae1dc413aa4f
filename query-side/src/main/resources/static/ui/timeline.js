// The auditor's page: a slider over the whole history (like Etherpad's timeslider) showing the text at any
// version, with step, play and jump to a revision; the history in the room's words, filterable; a redline
// between any two versions or revisions; and a check of the record with its head hash.

import { h, clear } from './dom.js';
import { t, when } from './i18n.js';
import { read, readText } from './api.js';
import { fromDocument } from './live.js';
import { createDraftView } from './draft-view.js';
import { paragraphName } from './paragraph.js';
import { plainWords } from './notify.js';

export async function timelinePage(main, draftId) {
  const base = `/api/drafts/${encodeURIComponent(draftId)}`;
  const now = await read(base, { form: 'lean' });
  const revisions = await read(`${base}/revisions`);
  const latest = now.version;
  let shown = latest;
  let playing = null;

  const slider = h('input#slider', { type: 'range', min: 1, max: latest, value: latest, step: 1 });
  const label = h('label', { for: 'slider' }, t('timeline.version'));
  const where = h('output#where', { for: 'slider', 'aria-live': 'polite' });
  const play = h('button', { type: 'button', 'aria-pressed': 'false' }, t('timeline.play'));
  const revision = h('select#revision', { 'aria-label': t('timeline.jumpToRevision') },
    h('option', { value: '' }, t('timeline.jumpToRevision')),
    revisions.map(r => h('option', { value: r.version }, `${r.label} (${t('timeline.versionN', { n: r.version })})`)));
  const text = h('div.text-column', { 'aria-busy': 'true' });
  const entries = h('ol.history-list');
  const delegation = h('select#filter-delegation', null, h('option', { value: '' }, t('timeline.everyone')),
    (now.participants || []).filter(p => p.code).map(p => h('option', { value: p.code }, p.code.toUpperCase())));
  const paragraph = h('select#filter-paragraph', null, h('option', { value: '' }, t('timeline.everyParagraph')),
    now.paragraphs.map(p => h('option', { value: p.paragraphId }, paragraphName(p))));
  const points = [...revisions.map(r => ({ value: r.label, label: r.label })),
    ...Array.from({ length: latest }, (_, i) => ({ value: String(i + 1), label: t('timeline.versionN', { n: i + 1 }) }))];
  const from = h('select#redline-from', null, points.map(p => h('option', { value: p.value, selected: p.value === '1' }, p.label)));
  const to = h('select#redline-to', null, points.map(p => h('option', { value: p.value, selected: p.value === String(latest) }, p.label)));
  const redline = h('div.redline-area');
  const verdict = h('div.verdict', { role: 'status' });

  main.append(h('div.timeline-page', null,
    h('h1', { dir: 'auto' }, t('timeline.title', { title: now.title || now.reference || draftId })),
    h('p', null, h('a', { href: `/drafts/${encodeURIComponent(draftId)}` }, t('timeline.backToDraft'))),
    h('div.slider-bar', { role: 'group', 'aria-label': t('timeline.slider') },
      label, slider,
      h('div.buttons', null,
        h('button', { type: 'button', onclick: () => go(1) }, t('timeline.first')),
        h('button', { type: 'button', onclick: () => go(shown - 1) }, t('timeline.back')),
        play,
        h('button', { type: 'button', onclick: () => go(shown + 1) }, t('timeline.forward')),
        h('button', { type: 'button', onclick: () => go(latest) }, t('timeline.last')),
        revision),
      where),
    h('div.columns', null,
      text,
      h('aside.side', null,
        h('section', { 'aria-labelledby': 'history-title' },
          h('h2#history-title', null, t('timeline.history')),
          h('div.filters', null,
            h('label', { for: 'filter-delegation' }, t('timeline.delegation')), delegation,
            h('label', { for: 'filter-paragraph' }, t('timeline.paragraph')), paragraph),
          entries),
        h('section', { 'aria-labelledby': 'redline-title' },
          h('h2#redline-title', null, t('timeline.redline')),
          h('div.filters', null,
            h('label', { for: 'redline-from' }, t('timeline.from')), from,
            h('label', { for: 'redline-to' }, t('timeline.to')), to),
          h('button.primary', { type: 'button', id: 'show-redline', onclick: showRedline }, t('timeline.showRedline'))),
        h('section', { 'aria-labelledby': 'verify-title' },
          h('h2#verify-title', null, t('timeline.verify')),
          h('button', { type: 'button', id: 'verify', onclick: verify }, t('timeline.verifyRecord')),
          verdict))),
    redline));

  const view = createDraftView(text);
  let wanted = latest;
  let timer = null;
  slider.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => go(Number(slider.value)), 120); });
  slider.addEventListener('change', () => { clearTimeout(timer); go(Number(slider.value)); });
  revision.addEventListener('change', () => { if (revision.value) go(Number(revision.value)); });
  play.addEventListener('click', () => (playing ? stop() : start()));
  delegation.addEventListener('change', history);
  paragraph.addEventListener('change', history);

  async function go(version) {
    version = Math.max(1, Math.min(latest, version));
    wanted = version;
    slider.value = version;
    slider.setAttribute('aria-valuetext', t('timeline.versionOf', { n: version, of: latest }));
    text.setAttribute('aria-busy', 'true');
    try {
      const doc = await read(base, { version, form: 'lean' });
      if (wanted !== version) return;       // the slider moved on meanwhile
      shown = version;
      view.render(fromDocument(doc));
      text.dataset.version = version;
      text.setAttribute('aria-busy', 'false');
      where.textContent = t('timeline.versionOf', { n: version, of: latest });
    } catch (problem) {
      where.textContent = plainWords(problem);
    }
  }

  function start() {
    if (shown >= latest) go(1);
    play.textContent = t('timeline.pause');
    play.setAttribute('aria-pressed', 'true');
    playing = setInterval(() => (shown >= latest ? stop() : go(shown + 1)), 700);
  }

  function stop() {
    clearInterval(playing);
    playing = null;
    play.textContent = t('timeline.play');
    play.setAttribute('aria-pressed', 'false');
  }

  async function history() {
    const list = await read(`${base}/history`, { delegation: delegation.value, paragraph: paragraph.value, limit: 500 });
    clear(entries).append(...list.map(e => h('li', null,
      h('button.linklike', { type: 'button', onclick: () => go(e.version), dataset: { version: e.version } },
        h('span.v', null, t('timeline.versionN', { n: e.version })), ' ',
        h('span.desc', { dir: 'auto' }, e.description)),
      h('span.when', null, ` ${when(e.timestamp)}`))));
    if (!list.length) entries.append(h('li', null, t('timeline.nothing')));
  }

  async function showRedline() {
    clear(redline).append(h('p', null, t('draft.loading')));
    try {
      const html = await readText(`${base}/diff?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}&format=html`);
      clear(redline).append(h('h2', null, t('timeline.redlineOf', { from: from.selectedOptions[0].text, to: to.selectedOptions[0].text })),
        h('iframe.redline', { sandbox: '', srcdoc: html, title: t('timeline.redline') }));
      redline.scrollIntoView({ block: 'start' });
    } catch (problem) {
      clear(redline).append(h('p.error', { role: 'alert' }, plainWords(problem)));
    }
  }

  async function verify() {
    clear(verdict).append(t('timeline.verifying'));
    try {
      const v = await read(`${base}/verify`);
      clear(verdict).append(v.intact
        ? h('p.intact', null, t('timeline.intact', { events: v.events }), h('br'), t('timeline.headHash'), ' ', h('code', null, v.headHash))
        : h('p.broken', null, t('timeline.broken', { at: v.brokenAt, reason: v.reason })));
    } catch (problem) {
      clear(verdict).append(h('p.error', null, plainWords(problem)));
    }
  }

  await go(latest);
  history();
}
