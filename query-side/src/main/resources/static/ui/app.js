// The web client's entry: language, sign-in, the bar, then the page the path names.

import { start as languages, t, onChange } from './i18n.js';
import { signIn } from './session.js';
import { createBar } from './bar.js';
import { draftsPage } from './drafts-list.js';
import { draftPage } from './draft-page.js';
import { timelinePage } from './timeline.js';
import { notice, plainWords } from './notify.js';
import { h, clear } from './dom.js';

async function main() {
  await languages();
  const session = await signIn();
  session.role = (session.role || '').toUpperCase();
  const bar = createBar(document.getElementById('bar'), session);
  const main = document.getElementById('main');
  const path = location.pathname;
  const draft = path.match(/^\/drafts\/([^/]+)\/?$/);
  const history = path.match(/^\/drafts\/([^/]+)\/history\/?$/);
  const page = async () => {
    try {
      if (draft) draftPage(main, decodeURIComponent(draft[1]), bar);
      else if (history) await timelinePage(main, decodeURIComponent(history[1]));
      else await draftsPage(main);
    } catch (problem) {
      main.append(h('p.error', { role: 'alert' }, plainWords(problem)));
    }
  };
  await page();
  // the draft page re-renders itself in a new language; the others are simply built again
  if (!draft) onChange(() => { clear(main); page(); });
  document.body.dataset.ready = 'true';
}

main().catch(error => {
  notice(`${t('error.start')} ${error.message}`, 'error');
});
