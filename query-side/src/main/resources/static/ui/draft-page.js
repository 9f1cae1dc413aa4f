// The draft page: the text, live; who is in the room; what the user may do; the view's options and downloads.

import { h } from './dom.js';
import { t, onChange as onLanguage } from './i18n.js';
import { follow } from './live.js';
import { createDraftView } from './draft-view.js';
import { createPresence, who } from './presence.js';
import { createActions } from './actions.js';
import { selectedQuote } from './quote.js';
import { announce, notice, plainWords } from './notify.js';
import { paragraphName } from './paragraph.js';
import { exportUrl, readText } from './api.js';
import { current, may } from './session.js';
import { openDialog } from './dialog.js';

const FORMATS = [['markdown', 'Markdown'], ['html', 'HTML'], ['pdf', 'PDF'], ['docx', 'Word'], ['akn', 'Akoma Ntoso']];

/**
 * Timings a test or a benchmark reads from outside: when the text's first screen was painted (opened), when all
 * of it was in the page (complete), and when each change was shown.
 */
const timings = window.plenaryTimings = { opened: null, complete: null, shown: [] };

export function draftPage(main, draftId, bar) {
  const me = current();
  let focusedId = null;
  let quote = null;

  const status = h('span.draft-status', { role: 'status' });
  const holders = h('input#opt-holders', { type: 'checkbox' });
  const clean = h('input#opt-clean', { type: 'checkbox' });
  const text = h('div.text-column', { 'aria-busy': 'true' }, h('p.loading', null, t('draft.loading')));
  const room = h('ul.room', { 'aria-live': 'off' });
  const panel = h('section.actions', { 'aria-label': t('actions.title'), 'data-i18n-label': 'actions.title' });
  const downloads = h('details.downloads', null, h('summary', { 'data-i18n': 'draft.downloads' }, t('draft.downloads')),
    h('ul', null, FORMATS.map(([format, label]) => h('li', null,
      h('a', { href: exportUrl(draftId, format), download: '', 'data-format': format }, label),
      ' · ', h('a', { href: exportUrl(draftId, format, { view: 'clean' }), download: '', 'data-i18n': 'draft.cleanCopy' },
        t('draft.cleanCopy'))))));
  main.append(h('div.draft-page', null,
    h('div.toolbar', { role: 'toolbar', 'aria-label': t('draft.viewOptions'), 'data-i18n-label': 'draft.viewOptions' },
      status,
      h('label.toggle', null, holders, ' ', h('span', { 'data-i18n': 'draft.showHolders' }, t('draft.showHolders'))),
      h('label.toggle', null, clean, ' ', h('span', { 'data-i18n': 'draft.cleanView' }, t('draft.cleanView'))),
      downloads,
      may('record') ? h('a.button', { href: `/drafts/${encodeURIComponent(draftId)}/history`, 'data-i18n': 'draft.history' },
        t('draft.history')) : null),
    h('div.columns', null,
      text,
      h('aside.side', null,
        h('section.presence', { 'aria-labelledby': 'room-title' },
          h('h2#room-title', { 'data-i18n': 'presence.title' }, t('presence.title')), room),
        panel))));

  const view = createDraftView(text, {}, () => {
    text.setAttribute('aria-busy', 'false');
    presence.refresh();
    requestAnimationFrame(() => { timings.complete = performance.now(); });
  });
  const live = follow(draftId, {
    loaded: draft => {
      view.render(draft);
      showStatus(draft);
      presence.refresh();
      actions.render();
      bar.silence(draft);
      document.title = `${draft.symbol || draft.reference || ''} – Plenary`;
      requestAnimationFrame(() => { timings.opened = performance.now(); });
    },
    changed: (change, draft) => {
      view.change(change, draft);
      showStatus(draft);
      presence.refresh();
      actions.render();
      announce(describe(change, draft));
      requestAnimationFrame(() => {
        timings.shown.push({ version: change.version, at: performance.timeOrigin + performance.now() });
        if (timings.shown.length > 5000) timings.shown.shift();
      });
    },
    header: draft => {
      view.header(draft);
      showStatus(draft);
      actions.render();
      bar.silence(draft);
    },
    presence: message => presence.show(message),
    connection: (state, missed) => {
      bar.connection(state);
      if (state === 'caughtUp') {
        const said = t('live.caughtUp', { n: missed });
        announce(said);
        notice(said);
      }
      if (state === 'refused') notice(t('live.refused'), 'error');
    },
    failed: problem => notice(plainWords(problem), 'error'),
  }, { live: may('live') });
  if (!may('live')) bar.connection('readOnly');

  const presence = createPresence(room, view, () => live.draft, me.user);
  const actions = createActions(panel, {
    draftId,
    live,
    paragraphId: () => focusedId,
    quote: () => quote,
    jump,
    showRedline,
  });

  function showStatus(draft) {
    status.dataset.status = draft.status;
    status.textContent = t(`draftStatus.${draft.status}`);
  }

  const options = () => {
    if (!live.draft) return;
    view.setOptions({ holders: holders.checked, clean: clean.checked }, live.draft);
    presence.refresh();
  };
  holders.addEventListener('change', options);
  clean.addEventListener('change', options);
  onLanguage(() => { if (live.draft) { view.render(live.draft); showStatus(live.draft); presence.refresh(); actions.render(); } });

  // moving the caret (or the keyboard focus) into a paragraph sets the user's focus for the room
  document.addEventListener('selectionchange', () => {
    const selection = window.getSelection();
    const node = selection.anchorNode;
    const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('[data-paragraph]');
    if (el && text.contains(el)) {
      const next = selectedQuote(selection);
      if (next || !selection.isCollapsed) quote = next;
      setFocus(el.dataset.paragraph, true);
    }
  });
  // Enter on a paragraph takes the keyboard to what can be done with it; Escape there comes back
  text.addEventListener('keydown', event => {
    const el = event.target.closest?.('[data-paragraph]');
    if (event.key === 'Enter' && el && event.target === el) {
      event.preventDefault();
      setFocus(el.dataset.paragraph);
      panel.querySelector('.group[data-paragraph] button, .group[data-paragraph] a')?.focus();
    }
  });
  panel.addEventListener('keydown', event => {
    if (event.key === 'Escape' && focusedId) view.element(focusedId)?.focus();
  });
  text.addEventListener('focusin', event => {
    const el = event.target.closest('[data-paragraph]');
    if (el) setFocus(el.dataset.paragraph);
  });

  let focusTimer = null;
  function setFocus(paragraphId, fromSelection = false) {
    if (paragraphId !== focusedId) {
      focusedId = paragraphId;
      if (!fromSelection) quote = null;
      clearTimeout(focusTimer);
      focusTimer = setTimeout(() => live.focus(focusedId), 150);
    }
    actions.render();
  }

  function jump(paragraphId, bracketId) {
    view.complete();
    const target = bracketId ? text.querySelector(`[data-bracket="${CSS.escape(bracketId)}"]`) : null;
    const para = target?.closest('[data-paragraph]') || view.element(paragraphId);
    if (!para) return;
    para.scrollIntoView({ block: 'center' });
    para.focus({ preventScroll: true });
    const flash = target || para;
    flash.classList.add('jumped');
    setTimeout(() => flash.classList.remove('jumped'), 2500);
  }

  /** What a new text changed: the redline from the version before to the one it made, once the page has it. */
  async function showRedline(from, to) {
    for (let waited = 0; live.draft.version < to && waited < 10000; waited += 100) {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    const html = await readText(`/api/drafts/${encodeURIComponent(draftId)}/diff?from=${from}&to=${to}&format=html`);
    openDialog({
      title: t('timeline.redlineOf', { from, to }),
      intro: h('iframe.redline', { sandbox: '', srcdoc: html, title: t('timeline.redline') }),
      submitLabel: t('action.close'),
      submit: async () => {},
    });
  }
}

/** One change said in words for the live region: "KAZ bracketed words in PP (v)". */
function describe(change, draft) {
  const actor = change.actor ? who(change.actor) : '';
  const first = (change.paragraphs || [])[0] || draft.paragraphs.get((change.placed || [])[0]?.paragraphId);
  const where = first ? paragraphName(first) : '';
  const key = `change.${change.type}`;
  const said = t(key, { actor, paragraph: where });
  return said === key ? t('change.other', { actor, paragraph: where, type: change.type }) : said;
}
