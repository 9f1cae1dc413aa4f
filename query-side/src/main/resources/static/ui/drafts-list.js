// The drafts the user may read: reference, title, status and version; the secretariat imports new ones here.

import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { read, command } from './api.js';
import { may } from './session.js';
import { openDialog } from './dialog.js';

export async function draftsPage(main) {
  const body = h('tbody');
  main.append(h('div.drafts-page', null,
    h('h1', null, t('drafts.title')),
    may('import') ? h('div.buttons', null, h('button.primary', { type: 'button', onclick: importText }, t('drafts.import'))) : null,
    h('table.drafts', null,
      h('caption.visually-hidden', null, t('drafts.title')),
      h('thead', null, h('tr', null, ['reference', 'titleColumn', 'status', 'version'].map(c =>
        h('th', { scope: 'col' }, t(`drafts.${c}`))))),
      body)));

  const drafts = await read('/api/drafts');
  clear(body).append(...drafts.map(d => h('tr', { dataset: { draft: d.draftId } },
    h('td', null, h('a', { href: `/drafts/${encodeURIComponent(d.draftId)}` }, d.reference || d.draftId)),
    h('td', { dir: 'auto' }, d.title || ''),
    h('td', null, h('span.draft-status', { dataset: { status: d.status } }, t(`draftStatus.${d.status}`))),
    h('td.number', null, d.version))));
  if (!drafts.length) body.append(h('tr', null, h('td', { colspan: 4 }, t('drafts.none'))));
}

function importText() {
  openDialog({
    title: t('drafts.import'),
    intro: t('drafts.importIntro'),
    fields: [{ name: 'file', label: t('field.file'), type: 'file', required: true }],
    submitLabel: t('actions.import'),
    submit: async v => {
      const answer = await command('POST', '/api/drafts/import', await v.file.text(), { contentType: 'text/markdown' });
      location.assign(`/drafts/${encodeURIComponent(answer.draftId)}`);
    },
  });
}
