// The draft laid out like the HTML export: masthead with symbol, status line and date, title, venue, the preamble,
// the chapeau, the operative paragraphs and the footnotes. A change re-renders only the paragraphs it names.
// A long draft is rendered progressively: the first screen at once, the rest in slices between frames, so that the
// page shows and answers while a 200-page text is still being laid out.

import { h, clear, append } from './dom.js';
import { t } from './i18n.js';
import { renderParagraph, renderInline } from './paragraph.js';

/** The status line a text prints when it has none of its own, in the text's words as the export writes them. */
const STATUS_LINE = { ZERO_DRAFT: 'Zero draft', UNDER_NEGOTIATION: 'Draft', FINAL: 'Final' };

/** Paragraphs rendered before the first paint (more than a tall screen holds), then per slice between frames. */
const FIRST_SCREEN = 60;
const SLICE_MS = 12;

/** done(): called once every paragraph of a render is in the page. */
export function createDraftView(container, options = {}, done = () => {}) {
  let view = { holders: false, clean: false, ...options };
  const elements = new Map();   // paragraphId → element
  let root, masthead, sections, chapeau, footnotes;
  let rest = null;              // {draft, order, next, timer}: what a progressive render has still to add

  function render(draft) {
    stopRest();
    elements.clear();
    masthead = h('div.head');
    sections = { PREAMBLE: h('section.preamble', { 'aria-label': t('draft.preamble') }),
                 OPERATIVE: h('section.operative', { 'aria-label': t('draft.operative') }) };
    chapeau = h('p.chapeau', { dir: 'auto' });
    footnotes = h('section.footnotes', { 'aria-label': t('draft.footnotes') });
    rest = { draft, order: draft.order.slice(), next: 0, timer: null };
    add(FIRST_SCREEN);
    root = h(`article.document${view.clean ? '.clean-view' : ''}`, { 'aria-labelledby': 'draft-title' },
      masthead, sections.PREAMBLE, chapeau, sections.OPERATIVE, footnotes);
    header(draft);
    clear(container).append(root);
    more();
  }

  /**
   * Adds up to count paragraphs of the render in progress, in order, each as the draft holds it now (a live
   * change may have replaced or removed it meanwhile). Answers whether any are left.
   */
  function add(count, until = Infinity) {
    const { draft, order } = rest;
    const end = Math.min(order.length, rest.next + count);
    while (rest.next < end && performance.now() < until) {
      const id = order[rest.next++];
      const p = draft.paragraphs.get(id);
      if (!p || elements.has(id)) continue;
      const el = renderParagraph(p, view);
      elements.set(id, el);
      (sections[p.section] || sections.OPERATIVE).append(el);
    }
    return rest.next < order.length;
  }

  function more() {
    if (!rest) return;
    if (rest.next >= rest.order.length) { rest = null; done(); return; }
    rest.timer = setTimeout(() => {
      rest.timer = null;
      add(Infinity, performance.now() + SLICE_MS);
      more();
    }, 0);
  }

  /** Adds every paragraph still waiting, at once: before a change is applied, or a paragraph looked for. */
  function complete() {
    if (!rest) return;
    clearTimeout(rest.timer);
    add(Infinity);
    rest = null;
    done();
  }

  function stopRest() {
    if (rest) clearTimeout(rest.timer);
    rest = null;
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
    complete();
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
    /** The paragraph's element, if it is in the page yet. */
    element: id => elements.get(id),
    complete,
    get completed() { return !rest; },
    get options() { return view; },
    setOptions(changes, draft) {
      view = { ...view, ...changes };
      render(draft);
    },
  };
}
