// Who is in the room and which paragraph each is on: a list beside the text, and a badge on each paragraph.

import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { paragraphName } from './paragraph.js';

export function who(member) {
  if (member.delegation) return member.delegation.toUpperCase();
  return t(`role.${member.role}`);
}

export function createPresence(list, draftView, getDraft, self) {
  let present = [];

  function show(message) {
    present = message.present || [];
    render();
  }

  function render() {
    const draft = getDraft();
    // one entry per person, even with two tabs open; the latest focus wins
    const people = new Map();
    for (const m of present) {
      const known = people.get(m.user);
      if (!known || (m.paragraphId && !known.paragraphId)) people.set(m.user, m);
    }
    clear(list).append(...[...people.values()].sort((a, b) => who(a).localeCompare(who(b))).map(m => {
      const p = m.paragraphId && draft?.paragraphs.get(m.paragraphId);
      return h('li', { dataset: { user: m.user } },
        h('span.who', null, who(m), m.user === self ? ` (${t('presence.you')})` : ''),
        p ? h('a.where', { href: `#para-${m.paragraphId}` }, paragraphName(p)) : h('span.where', null, t('presence.nowhere')));
    }));
    badges(people);
  }

  function badges(people = null) {
    document.querySelectorAll('.para .here').forEach(el => el.remove());
    const byParagraph = new Map();
    for (const m of (people ? people.values() : present)) {
      if (!m.paragraphId || m.user === self) continue;
      if (!byParagraph.has(m.paragraphId)) byParagraph.set(m.paragraphId, []);
      byParagraph.get(m.paragraphId).push(who(m));
    }
    for (const [id, names] of byParagraph) {
      const el = draftView.element(id);
      if (el) el.append(h('span.here', { 'data-noquote': true, title: t('presence.here') }, [...new Set(names)].join(' · ')));
    }
  }

  return { show, refresh: render };
}
