// The draft laid out like the HTML export: masthead with symbol, status line and date, title, venue, the preamble,
// the chapeau, the operative paragraphs and the footnotes. A change re-renders only the paragraphs it names.

import { h, clear, append } from './dom.js';
import { t } from './i18n.js';
import { renderParagraph, renderInline } from './paragraph.js';

/** The status line a text prints when it has none of its own, in the text's words as the export writes them. */
const STATUS_LINE = { ZERO_DRAFT: 'Zero draft', UNDER_NEGOTIATION: 'Draft', FINAL: 'Final' };

export function createDraftView(container, options = {}) {
  let view = { holders: false, clean: false, ...options };
  const elements = new Map();   // paragraphId → element
  let root, masthead, sections, chapeau, footnotes;

  function render(draft) {
    elements.clear();
    masthead = h('div.head');
    sections = { PREAMBLE: h('section.preamble', { 'aria-label': t('draft.preamble') }),
                 OPERATIVE: h('section.operative', { 'aria-label': t('draft.operative') }) };
    chapeau = h('p.chapeau', { dir: 'auto' });
    footnotes = h('section.footnotes', { 'aria-label': t('draft.footnotes') });
    const fragment = document.createDocumentFragment();
    for (const id of draft.order) {
      const p = draft.paragraphs.get(id);
      const el = renderParagraph(p, view);
      elements.set(id, el);
      (sections[p.section] || sections.OPERATIVE).append(el);
    }
    root = h(`article.document${view.clean ? '.clean-view' : ''}`, { 'aria-labelledby': 'draft-title' },
      masthead, sections.PREAMBLE, chapeau, sections.OPERATIVE, footnotes);
    header(draft);
    fragment.append(root);
    clear(container).append(fragment);
  }

  function header(draft) {
    append(clear(masthead), [
      h('div.masthead', null,
        h('span.kind', null, draft.kind || ''),
        h('span.symbol', null, draft.symbol || draft.reference || '')),
      h('p.meta', null,
        h('span.statusline', { dataset: { status: draft.status } }, draft.statusLine || STATUS_LINE[draft.status] || ''),
        draft.date ? [h('br'), draft.date] : null,
        view.clean ? [h('br'), t('draft.cleanNote')] : null),
      h('h1.title#draft-title', { dir: 'auto' }, (draft.title || t('draft.untitled')).split('\n').flatMap((line, i) => i ? [h('br'), line] : [line])),
      draft.venue ? h('p.venue', { dir: 'auto' }, draft.venue) : null]);
    clear(chapeau).append(...renderInline(draft.chapeauContent, view));
    chapeau.hidden = !draft.chapeauContent;
    clear(footnotes).append(...(draft.footnotes || []).map(f =>
      h('p.footnote', { id: `fn-${f.label}`, dir: 'auto' }, h('sup', null, f.label), ' ', renderInline(f.content, view))));
    footnotes.hidden = !(draft.footnotes || []).length;
  }

  /** Applies one change: removes, places and re-renders only the paragraphs it names, and marks them. */
  function change(change, draft) {
    for (const id of change.removed || []) {
      elements.get(id)?.remove();
      elements.delete(id);
    }
    for (const p of change.paragraphs || []) {
      const fresh = renderParagraph(p, view);
      const old = elements.get(p.paragraphId);
      const hadFocus = old && old.contains(document.activeElement);
      if (old) old.replaceWith(fresh);
      elements.set(p.paragraphId, fresh);
      if (hadFocus) fresh.focus({ preventScroll: true });
      mark(fresh);
    }
    for (const { paragraphId, after } of change.placed || []) place(draft, paragraphId, after);
  }

  function place(draft, paragraphId, after) {
    const el = elements.get(paragraphId);
    const p = draft.paragraphs.get(paragraphId);
    if (!el || !p) return;
    const section = sections[p.section] || sections.OPERATIVE;
    const before = after && elements.get(after);
    if (before && before.parentNode === section) before.after(el);
    else section.prepend(el);
  }

  function mark(el) {
    el.classList.add('changed');
    setTimeout(() => el.classList.remove('changed'), 2500);
  }

  return {
    render,
    header,
    change,
    element: id => elements.get(id),
    get options() { return view; },
    setOptions(changes, draft) {
      view = { ...view, ...changes };
      render(draft);
    },
  };
}
