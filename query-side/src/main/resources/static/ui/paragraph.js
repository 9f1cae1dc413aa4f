// A paragraph rendered as a pure function of its JSON (GET /api/drafts/{d}'s paragraphs[], or a live change's)
// and the view's options. Brackets keep their square brackets as text, so that what a delegate selects reads
// as the server's plain text of the paragraph; decorations that are not words carry data-noquote.

import { h } from './dom.js';
import { t } from './i18n.js';

/** view: {holders: show who holds each alternative, clean: every bracket read as its first alternative}. */
export function renderParagraph(p, view) {
  const brackets = new Map((p.brackets || []).map(b => [b.bracketId, b]));
  const words = h('span.words', { dir: 'auto' }, content(p.content || [{ node: 'text', text: p.text }], brackets, view, 0));
  if (p.heading) {
    return h(`h${Math.min(p.heading + 1, 4)}.para.heading`, attributes(p), words);
  }
  const numbered = p.label != null;
  return h(`div.para${numbered ? '.numbered' : ''}${p.depth ? `.depth-${Math.min(p.depth, 3)}` : ''}`, attributes(p),
    numbered ? h('span.num', { 'data-noquote': true }, p.label) : null,
    words,
    marks(p));
}

function attributes(p) {
  return {
    id: `para-${p.paragraphId}`,
    class: `status-${p.status}`,
    tabindex: 0,
    'aria-label': paragraphName(p),
    'aria-keyshortcuts': 'Enter',
    dataset: { paragraph: p.paragraphId, section: p.section },
  };
}

/** How the room names a paragraph: "PP (v)", "OP 3bis". */
export function paragraphName(p) {
  if (p.heading || (p.number == null && p.label == null)) return t(p.section === 'PREAMBLE' ? 'para.preamble' : 'para.operative');
  return p.section === 'PREAMBLE'
    ? `${t('para.pp')} ${p.label || `(${p.number})`}`
    : `${t('para.op')} ${p.number}`;
}

function marks(p) {
  const agreements = p.agreements || [];
  const showStatus = p.status && p.status !== 'PENDING';
  if (!showStatus && !agreements.length) return null;
  return h('span.marks', { 'data-noquote': true },
    showStatus ? h(`span.pstatus.pstatus-${p.status}`, null, t(`paragraphStatus.${p.status}`)) : null,
    agreements.length ? h('span.agreements', null, t('para.agreedBy', {
      who: agreements.map(a => a.delegation.toUpperCase() + (a.adReferendum ? ` (${t('para.adRef')})` : '')).join(', '),
    })) : null);
}

function content(nodes, brackets, view, depth) {
  return nodes.map(node => inline(node, brackets, view, depth));
}

function inline(node, brackets, view, depth) {
  switch (node.node) {
    case 'text': return node.text;
    case 'verbatim': return node.text;
    case 'emphasis': return h(node.note ? 'i.note' : 'i', null, content(node.content, brackets, view, depth));
    case 'strong': return h('b', null, content(node.content, brackets, view, depth));
    case 'lineBreak': return h('br');
    case 'footnoteRef':
      return h('sup.fnref', { 'data-noquote': true }, h('a', { href: `#fn-${node.label}` }, node.label));
    case 'participant':
      return node.pending
        ? h('span.bracket.participant', { title: t('para.pendingParticipant') }, `[${node.name}]`)
        : node.name;
    case 'bracket': return bracket(node, brackets, view, depth + 1);
    default: return '';
  }
}

function bracket(node, brackets, view, depth) {
  const info = brackets.get(node.bracketId);
  if (view.clean && !node.placeholder) {
    const first = node.alternatives[0];
    return h('span.clean', null, content(first.content, brackets, view, depth - 1));
  }
  const options = node.kind === 'OPTIONS';
  const group = h(`span.bracket.b-depth-${Math.min(depth, 4)}${options ? '.options' : ''}${node.placeholder ? '.placeholder' : ''}`,
    { dataset: { bracket: node.bracketId } });
  node.alternatives.forEach((alternative, i) => {
    // a lean paragraph's brackets carry their holders; a full one's are in brackets[], by id
    const about = info ? info.alternatives.find(a => a.alternativeId === alternative.alternativeId) : alternative;
    const words = content(alternative.content, brackets, view, depth);
    group.append(h('span.alt', { dataset: { alternative: alternative.alternativeId }, title: describe(about) },
      options ? h('b.optlabel', { 'data-noquote': true }, t('para.option', { n: i + 1 }) + ' ') : null,
      h('span.mark', { 'aria-hidden': 'false' }, '['),
      options && !alternative.content.length ? h('i.notext', { 'data-noquote': true }, t('para.noText')) : words,
      h('span.mark', null, ']'),
      view.holders && about?.attribution ? h('span.holders', { 'data-noquote': true }, ` ${about.attribution}`) : null));
    if (options && i < node.alternatives.length - 1) group.append(h('br', { 'data-noquote': true }));
  });
  return group;
}

/** The tooltip of an alternative: who proposed it and who holds it. */
function describe(about) {
  if (!about) return null;
  const parts = [t('para.proposedBy', { who: about.proposedBy?.toUpperCase?.() || '' })];
  if (about.supporters?.length) parts.push(t('para.supportedBy', { who: about.supporters.join(', ').toUpperCase() }));
  if (about.objectors?.length) parts.push(t('para.objectedBy', { who: about.objectors.join(', ').toUpperCase() }));
  return parts.join('; ');
}

/**
 * A paragraph's brackets (nested ones included, outer first) with who raised each and, for each alternative, its
 * words and who holds it: brackets[] of the full form, or read from the content tree of the lean form.
 */
export function bracketsOf(p) {
  if (p.brackets) return p.brackets;
  const found = [];
  const walk = nodes => (nodes || []).forEach(node => {
    if (node.node === 'bracket') {
      found.push({
        bracketId: node.bracketId, raisedBy: node.raisedBy, kind: node.kind,
        alternatives: node.alternatives.map(a => ({
          alternativeId: a.alternativeId, text: plainText(a.content), proposedBy: a.proposedBy,
          supporters: a.supporters || [], objectors: a.objectors || [], attribution: a.attribution,
        })),
      });
      node.alternatives.forEach(a => walk(a.content));
    } else if (node.content) {
      walk(node.content);
    }
  });
  walk(p.content);
  return found;
}

/** The words of a content tree as plain text, a nested bracket's alternatives each in square brackets. */
export function plainText(nodes) {
  return (nodes || []).map(node => {
    switch (node.node) {
      case 'text': case 'verbatim': return node.text;
      case 'emphasis': case 'strong': return plainText(node.content);
      case 'lineBreak': return ' ';
      case 'participant': return node.pending ? `[${node.name}]` : node.name;
      case 'bracket': return node.alternatives.map(a => `[${plainText(a.content)}]`).join('');
      default: return '';
    }
  }).join('');
}

/** Chapeau and footnotes: the same inline rendering, without paragraph decorations. */
export function renderInline(nodes, view) {
  return content(nodes || [], new Map(), view, 0);
}
