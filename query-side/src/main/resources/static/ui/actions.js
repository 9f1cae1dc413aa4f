// What each role can do to the draft, as buttons beside the text: for the draft as a whole, for the paragraph the
// user is on, and for each bracket in it. Every action is a command of the public API; decisions on what the user
// sees (accepting, finalising, setting a status) carry If-Match, so that a change meanwhile is caught (412).

import { h, clear, append } from './dom.js';
import { t } from './i18n.js';
import { command } from './api.js';
import { may, current } from './session.js';
import { openDialog } from './dialog.js';
import { announce, plainWords } from './notify.js';
import { paragraphName, bracketsOf } from './paragraph.js';

const enc = encodeURIComponent;

/** ctx: {draftId, live, jump(paragraphId, bracketId), quote(): the selected words or null, paragraphId(): focus} */
export function createActions(panel, ctx) {
  const path = rest => `/api/drafts/${enc(ctx.draftId)}${rest}`;
  const draft = () => ctx.live.draft;

  function render() {
    const d = draft();
    if (!d) return;
    append(clear(panel), [h('h2', null, t('actions.title')), draftActions(d), paragraphActions(d)]);
  }

  /**
   * The version the user is deciding on: the one on screen when the dialog opened. A change meanwhile makes the
   * command answer 412; the page catches up and the next try decides on what it now shows.
   */
  function decidingOn() {
    let seen = draft().version;
    return {
      version: () => seen,
      stale: problem => {
        ctx.live.refresh();
        seen = Math.max(draft().version, problem.body?.currentVersion ?? 0);
      },
    };
  }

  function button(label, onclick, extra = {}) {
    return h('button', { type: 'button', onclick, ...extra }, label);
  }

  // ---- the draft as a whole ----------------------------------------------------------------------------------
  function draftActions(d) {
    const final = d.status === 'FINAL';
    const silence = d.silenceProcedure?.state === 'RUNNING';
    const buttons = [];
    if (may('admit') && !final) buttons.push(button(t('actions.admit'), admit));
    if (may('reviseFromText') && !final) buttons.push(button(t('actions.reviseFromText'), reviseFromText));
    if (may('revision') && !final) buttons.push(button(t('actions.revision'), revision));
    if (may('silence') && !final && !silence) buttons.push(button(t('actions.silence'), silenceProcedure));
    if (may('breakSilence') && silence) buttons.push(button(t('actions.breakSilence'), breakSilence));
    if (may('finalise') && !final) buttons.push(button(t('actions.finalise'), finalise, { class: 'primary' }));
    if (may('corrigendum') && final) buttons.push(button(t('actions.corrigendum'), corrigendum));
    if (!buttons.length) return null;
    return h('div.group', { role: 'group', 'aria-label': t('actions.draft') },
      h('h3', null, t('actions.draft')), h('div.buttons', null, buttons));
  }

  function admit() {
    openDialog({
      title: t('actions.admit'),
      fields: [
        { name: 'code', label: t('field.code'), required: true, hint: t('field.codeHint') },
        { name: 'name', label: t('field.name'), required: true, hint: t('field.nameHint') },
        { name: 'participation', label: t('field.participation'), type: 'select', value: 'CONFIRMED',
          options: ['CONFIRMED', 'PENDING'].map(v => ({ value: v, label: t(`participation.${v}`) })) },
      ],
      submitLabel: t('actions.admit'),
      submit: v => command('POST', path('/delegations'), { code: v.code.trim().toLowerCase(), name: v.name.trim(),
        participation: v.participation }),
    });
  }

  function reviseFromText() {
    openDialog({
      title: t('actions.reviseFromText'),
      intro: t('actions.reviseFromTextIntro'),
      fields: [{ name: 'file', label: t('field.file'), type: 'file', required: true }],
      submitLabel: t('actions.import'),
      submit: async v => {
        const before = draft().version;
        const answer = await command('POST', path('/import'), await v.file.text(), { contentType: 'text/markdown' });
        if (answer.version === before) announce(t('actions.reviseUnchanged'));
        else ctx.showRedline(before, answer.version).catch(problem => announce(plainWords(problem)));
      },
    });
  }

  function revision() {
    const deciding = decidingOn();
    openDialog({
      title: t('actions.revision'),
      fields: [{ name: 'label', label: t('field.revisionLabel'), hint: t('field.revisionHint') }],
      submitLabel: t('actions.revision'),
      submit: v => command('POST', path('/revisions'), v.label.trim() ? { label: v.label.trim() } : {},
        { ifMatch: deciding.version() }),
      stale: deciding.stale,
    });
  }

  function silenceProcedure() {
    const deciding = decidingOn();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    tomorrow.setSeconds(0, 0);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    openDialog({
      title: t('actions.silence'),
      fields: [
        { name: 'deadline', label: t('field.deadline'), type: 'datetime', required: true, value: local },
        { name: 'subject', label: t('field.subject'), type: 'select', value: '',
          options: [{ value: '', label: t('silence.subjectDefault') },
            { value: 'PARTICIPATION', label: t('silence.PARTICIPATION') }, { value: 'TEXT', label: t('silence.TEXT') }] },
      ],
      submitLabel: t('actions.silence'),
      submit: v => command('POST', path('/silence-procedures'),
        { deadline: new Date(v.deadline).toISOString(), ...(v.subject ? { subject: v.subject } : {}) },
        { ifMatch: deciding.version() }),
      stale: deciding.stale,
    });
  }

  function breakSilence() {
    openDialog({
      title: t('actions.breakSilence'),
      fields: [{ name: 'reason', label: t('field.reason'), type: 'textarea', required: true }],
      submitLabel: t('actions.breakSilence'),
      danger: true,
      submit: v => command('POST', path('/silence-procedures/current/break'), { reason: v.reason }),
    });
  }

  function finalise() {
    const deciding = decidingOn();
    openDialog({
      title: t('actions.finalise'),
      intro: t('actions.finaliseIntro'),
      submitLabel: t('actions.finalise'),
      submit: () => command('POST', path('/finalise'), null, { ifMatch: deciding.version() }),
      stale: deciding.stale,
      showBlockers: (open, close) => h('div.blockers', null,
        h('p', null, t('actions.openBrackets', { n: open.length })),
        h('ul', null, open.map(b => {
          const p = draft().paragraphs.get(b.paragraphId);
          return h('li', null, button(`${p ? paragraphName(p) : b.paragraphId}: ${b.text}`, () => {
            close();
            ctx.jump(b.paragraphId, b.bracketId);
          }, { class: 'linklike', dataset: { bracket: b.bracketId } }));
        }))),
    });
  }

  function corrigendum() {
    openDialog({
      title: t('actions.corrigendum'),
      intro: t('actions.corrigendumIntro'),
      fields: [{ name: 'file', label: t('field.file'), type: 'file', required: true }],
      submitLabel: t('actions.corrigendum'),
      submit: async v => command('POST', path('/corrigenda'), await v.file.text(), { contentType: 'text/markdown' }),
    });
  }

  // ---- the paragraph the user is on --------------------------------------------------------------------------
  function paragraphActions(d) {
    const id = ctx.paragraphId();
    const p = id && d.paragraphs.get(id);
    if (!p) return h('p.hint', null, t('actions.pickParagraph'));
    const final = d.status === 'FINAL';
    const quote = ctx.quote();
    const group = h('div.group', { role: 'group', 'aria-label': paragraphName(p), dataset: { paragraph: id } },
      h('h3', null, paragraphName(p)));
    if (!final) {
      const buttons = [];
      if (may('bracket')) {
        buttons.push(button(quote && quote.paragraphId === id ? t('actions.bracketQuote', { quote: shorten(quote.quote) })
          : t('actions.bracket'), () => bracket(p, quote && quote.paragraphId === id ? quote : null),
        { class: 'primary', 'data-action': 'bracket' }));
      }
      if (may('propose')) {
        buttons.push(button(t('actions.proposeParagraph'), () => proposeParagraph(p)));
        buttons.push(button(t('actions.proposeOption'), () => proposeOption(p)));
        buttons.push(button(t('actions.proposeDeletion'), () => proposeDeletion(p)));
      }
      if (may('agree')) {
        const mine = (p.agreements || []).some(a => isMine(a.delegation));
        if (mine) buttons.push(button(t('actions.withdrawAgreement'), () => act('DELETE', `/paragraphs/${enc(id)}/agreement`)));
        else {
          buttons.push(button(t('actions.agree'), () => act('POST', `/paragraphs/${enc(id)}/agreement`, { adReferendum: false })));
          buttons.push(button(t('actions.agreeAdRef'), () => act('POST', `/paragraphs/${enc(id)}/agreement`, { adReferendum: true })));
        }
      }
      if (may('status')) buttons.push(button(t('actions.setStatus'), () => setStatus(p)));
      if (may('move')) buttons.push(button(t('actions.move'), () => move(p)));
      if (buttons.length) group.append(h('div.buttons', null, buttons));
    }
    const brackets = bracketsOf(p);
    if (brackets.length) {
      group.append(h('h4', null, t('actions.brackets', { n: brackets.length })),
        h('ul.bracket-list', null, brackets.map(b => bracketItem(b, final))));
    }
    return group;
  }

  /** Whether a bracket or an alternative is this user's: the record names a delegation by its code, in capitals. */
  function isMine(who) {
    const me = current();
    const name = (who || '').toLowerCase();
    return name !== '' && (name === (me.delegation || '').toLowerCase() || name === me.user.toLowerCase());
  }

  function bracketItem(b, final) {
    const mine = isMine(b.raisedBy);
    const controls = [];
    if (!final && may('alternative')) controls.push(button(t('actions.addAlternative'), () => addAlternative(b)));
    if (!final && may('bridge') && b.alternatives.length > 1) controls.push(button(t('actions.bridge'), () => bridge(b)));
    if (!final && mine) controls.push(button(t('actions.withdrawBracket'), () => act('POST', `/brackets/${enc(b.bracketId)}/withdraw`)));
    return h('li.bracket-item', { dataset: { bracket: b.bracketId } },
      h('p.raised', null, t('actions.raisedBy', { who: (b.raisedBy || '').toUpperCase() }),
        ' ', h('button.linklike', { type: 'button', onclick: () => ctx.jump(null, b.bracketId) }, t('actions.show'))),
      h('ol.alternatives', null, b.alternatives.map((a, i) => alternativeItem(b, a, i, final))),
      controls.length ? h('div.buttons', null, controls) : null);
  }

  function alternativeItem(b, a, i, final) {
    const buttons = [];
    if (!final && may('position')) {
      buttons.push(button(t('actions.support'), () => act('POST', `/brackets/${enc(b.bracketId)}/alternatives/${enc(a.alternativeId)}/support`)));
      buttons.push(button(t('actions.object'), () => act('POST', `/brackets/${enc(b.bracketId)}/alternatives/${enc(a.alternativeId)}/objection`)));
    }
    if (!final && i > 0 && isMine(a.proposedBy)) {
      buttons.push(button(t('actions.withdrawAlternative'), () => act('POST', `/brackets/${enc(b.bracketId)}/alternatives/${enc(a.alternativeId)}/withdraw`)));
    }
    if (!final && may('accept')) {
      buttons.push(button(t('actions.accept'), () => accept(b, a), { class: 'primary', dataset: { accept: a.alternativeId } }));
    }
    return h('li', { dataset: { alternative: a.alternativeId } },
      h('span.alt-text', { dir: 'auto' }, a.text === '' ? t('actions.deletion') : `[${a.text}]`),
      ' ', h('span.attribution', null, a.attribution || ''),
      buttons.length ? h('div.buttons.small', null, buttons) : null);
  }

  /** A one-click command; a refusal shows in a dialog that says why. */
  async function act(method, rest, body, options = {}) {
    try {
      await command(method, path(rest), body, options);
    } catch (problem) {
      openDialog({
        title: t('error.title'),
        submitLabel: t('action.tryAgain'),
        submit: () => command(method, path(rest), body),
      }).errors.append(h('p', null, plainWords(problem)));
    }
  }

  function bracket(p, quote) {
    openDialog({
      title: t('actions.bracketTitle', { paragraph: paragraphName(p) }),
      fields: [
        { name: 'quote', label: t('field.quote'), required: true, value: quote?.quote || '', hint: t('field.quoteHint') },
        { name: 'occurrence', label: t('field.occurrence'), value: String(quote?.occurrence || 1) },
        { name: 'alternatives', label: t('field.alternatives'), type: 'lines', hint: t('field.alternativesHint') },
        { name: 'reason', label: t('field.reason'), type: 'textarea', rows: 2 },
      ],
      submitLabel: t('actions.bracketSubmit'),
      submit: v => command('POST', path(`/paragraphs/${enc(p.paragraphId)}/brackets`), {
        quote: v.quote, occurrence: Number(v.occurrence) || 1,
        ...(v.alternatives.length ? { alternatives: v.alternatives } : {}),
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      }),
    });
  }

  function addAlternative(b) {
    openDialog({
      title: t('actions.addAlternative'),
      intro: `[${b.alternatives[0].text}]`,
      fields: [{ name: 'text', label: t('field.alternativeText'), type: 'textarea', rows: 2, hint: t('field.emptyDeletes') }],
      submitLabel: t('actions.addAlternative'),
      submit: v => command('POST', path(`/brackets/${enc(b.bracketId)}/alternatives`), { text: v.text }),
    });
  }

  function accept(b, a) {
    const deciding = decidingOn();
    openDialog({
      title: t('actions.acceptTitle'),
      intro: h('p', { dir: 'auto' }, a.text === '' ? t('actions.deletion') : a.text),
      submitLabel: t('actions.accept'),
      submit: () => command('POST', path(`/brackets/${enc(b.bracketId)}/accept`), { alternativeId: a.alternativeId },
        { ifMatch: deciding.version() }),
      stale: deciding.stale,
    });
  }

  function bridge(b) {
    const deciding = decidingOn();
    openDialog({
      title: t('actions.bridge'),
      fields: [
        { name: 'replaces', label: t('field.replaces'), type: 'checks',
          options: b.alternatives.map(a => ({ value: a.alternativeId, label: `[${a.text}]`, checked: true })) },
        { name: 'text', label: t('field.bridgingText'), type: 'textarea', required: true },
      ],
      submitLabel: t('actions.bridge'),
      submit: v => command('POST', path(`/brackets/${enc(b.bracketId)}/bridging`), { replaces: v.replaces, text: v.text },
        { ifMatch: deciding.version() }),
      stale: deciding.stale,
    });
  }

  function proposeParagraph(p) {
    openDialog({
      title: t('actions.proposeParagraph'),
      fields: [
        { name: 'section', label: t('field.section'), type: 'select', value: p.section,
          options: ['PREAMBLE', 'OPERATIVE'].map(s => ({ value: s, label: t(`section.${s}`) })) },
        { name: 'text', label: t('field.paragraphText'), type: 'textarea', rows: 4, required: true, hint: t('field.markdownHint') },
      ],
      submitLabel: t('actions.propose'),
      submit: v => command('POST', path('/paragraphs'), {
        section: v.section, text: v.text, ...(v.section === p.section ? { after: p.paragraphId } : {}),
      }),
    });
  }

  function proposeOption(p) {
    openDialog({
      title: t('actions.proposeOption'),
      fields: [{ name: 'text', label: t('field.optionText'), type: 'textarea', rows: 3, hint: t('field.optionHint') }],
      submitLabel: t('actions.propose'),
      submit: v => command('POST', path(`/paragraphs/${enc(p.paragraphId)}/options`), { text: v.text }),
    });
  }

  function proposeDeletion(p) {
    openDialog({
      title: t('actions.proposeDeletion'),
      intro: t('actions.proposeDeletionIntro', { paragraph: paragraphName(p) }),
      submitLabel: t('actions.proposeDeletion'),
      danger: true,
      submit: () => command('POST', path(`/paragraphs/${enc(p.paragraphId)}/deletion`)),
    });
  }

  function setStatus(p) {
    const deciding = decidingOn();
    openDialog({
      title: t('actions.setStatus'),
      fields: [{ name: 'status', label: t('field.status'), type: 'select', value: p.status,
        options: ['PENDING', 'FIRST_READING', 'SECOND_READING', 'AGREED', 'REOPENED']
          .map(s => ({ value: s, label: t(`paragraphStatus.${s}`) })) }],
      submitLabel: t('actions.setStatus'),
      submit: v => command('POST', path(`/paragraphs/${enc(p.paragraphId)}/status`), { status: v.status },
        { ifMatch: deciding.version() }),
      stale: deciding.stale,
    });
  }

  function move(p) {
    const deciding = decidingOn();
    const d = draft();
    const sameSection = d.order.map(id => d.paragraphs.get(id)).filter(q => q.section === p.section && q.paragraphId !== p.paragraphId);
    openDialog({
      title: t('actions.moveTitle', { paragraph: paragraphName(p) }),
      fields: [{ name: 'after', label: t('field.after'), type: 'select', value: '',
        options: [{ value: '', label: t('field.first') }, ...sameSection.map(q => ({ value: q.paragraphId, label: paragraphName(q) }))] }],
      submitLabel: t('actions.move'),
      submit: v => command('POST', path(`/paragraphs/${enc(p.paragraphId)}/move`), { after: v.after || null },
        { ifMatch: deciding.version() }),
      stale: deciding.stale,
    });
  }

  return { render };
}

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 38)}…` : text;
}
