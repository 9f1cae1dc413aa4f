// The bar at the top of every page: where you are, whether the page is live, a running silence procedure's
// countdown, the language, and who is signed in.

import { h, clear } from './dom.js';
import { t, LANGUAGES, language, use, onChange } from './i18n.js';
import { signOut } from './session.js';

export function createBar(container, session) {
  const connection = h('span#connection.connection', { role: 'status', hidden: true });
  const silence = h('span#silence.silence', { role: 'timer', hidden: true, 'aria-live': 'off' });
  const languages = h('select#language', { 'aria-label': t('bar.language') },
    Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, lang: code, selected: code === language() }, name)));
  languages.addEventListener('change', () => use(languages.value));
  const user = h('span.user');
  const out = h('button.linklike', { type: 'button', onclick: signOut });
  let connectionState = null;
  let deadline = null;
  let countdown = null;

  clear(container).append(
    h('a.brand', { href: '/' }, 'Plenary'),
    h('nav', { 'aria-label': t('bar.navigation') }, h('a#nav-drafts', { href: '/' })),
    h('div.bar-right', null, connection, silence, languages, user, out));

  function texts() {
    container.querySelector('#nav-drafts').textContent = t('bar.drafts');
    languages.setAttribute('aria-label', t('bar.language'));
    user.textContent = `${session.user} · ${session.delegation ? session.delegation.toUpperCase() : t(`role.${session.role}`)}`;
    out.textContent = t('bar.signOut');
    if (connectionState) showConnection(connectionState);
    tick();
  }

  function showConnection(state) {
    connectionState = state;
    connection.hidden = false;
    connection.dataset.state = state;
    connection.textContent = t(`live.${state}`);
  }

  function tick() {
    if (!deadline) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      silence.textContent = t('silence.ending');
      return;
    }
    const s = Math.floor(left / 1000);
    const d = Math.floor(s / 86400);
    const hh = Math.floor((s % 86400) / 3600);
    const mm = Math.floor((s % 3600) / 60);
    const ss = s % 60;
    const span = d > 0 ? t('silence.days', { d, h: hh }) : `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
    silence.textContent = t('silence.countdown', { left: span });
  }

  onChange(texts);
  texts();

  return {
    connection: showConnection,
    /** Shows a running silence procedure's countdown on every page of the draft. */
    silence(draft) {
      const running = draft.silenceProcedure?.state === 'RUNNING';
      silence.hidden = !running;
      clearInterval(countdown);
      deadline = running ? new Date(draft.silenceProcedure.deadline).getTime() : null;
      if (running) {
        silence.setAttribute('aria-label', t('silence.label'));
        tick();
        countdown = setInterval(tick, 1000);
      }
    },
  };
}
