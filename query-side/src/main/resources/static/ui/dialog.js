// Forms for actions, in a modal <dialog> (which keeps keyboard focus inside). A refusal keeps the dialog open
// with everything typed in it, says why in plain words, and for a quote that is no longer there (409) shows the
// paragraph as it now stands.

import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { plainWords } from './notify.js';

/**
 * fields: [{name, label, type: text|textarea|lines|select|datetime|file|checkbox|checks|static, value, options,
 *           required, hint}]
 * submit(values) may throw a Problem; stale() is called on a 412 before the user tries again; showBlockers(open,
 * close) lists what blocks a refused finalisation.
 */
export function openDialog({ title, intro, fields = [], submitLabel, submit, stale, showBlockers, danger = false }) {
  const errors = h('div.dialog-error', { role: 'alert' });
  const inputs = new Map();
  const form = h('form', { method: 'dialog' });
  const dialog = h('dialog.action-dialog', { 'aria-labelledby': 'dialog-title' },
    h('h2#dialog-title', null, title),
    intro ? h('div.intro', null, intro) : null,
    form);
  for (const field of fields) form.append(fieldElement(field, inputs));
  const send = h(`button.primary${danger ? '.danger' : ''}`, { type: 'submit' }, submitLabel || t('action.ok'));
  form.append(errors, h('div.buttons', null,
    h('button', { type: 'button', onclick: () => close() }, t('action.cancel')), send));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(errors);
    send.disabled = true;
    try {
      await submit(values(fields, inputs));
      close();
    } catch (problem) {
      errors.append(h('p', null, plainWords(problem)));
      const paragraph = problem.body?.paragraph;
      if (problem.status === 409 && paragraph) {
        errors.append(h('p.stands', null, t('error.paragraphNow')),
          h('blockquote.quoted', { dir: 'auto' }, paragraph.plainText ?? paragraph.text));
      }
      if (problem.status === 412) stale?.(problem);
      const blockers = problem.body?.openBrackets;
      if (blockers?.length && showBlockers) errors.append(showBlockers(blockers, close));
    } finally {
      send.disabled = false;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  const first = form.querySelector('input:not([type=hidden]), textarea, select');
  (first || send).focus();

  function close() {
    if (dialog.open) dialog.close();
  }
  return { close, errors };
}

function fieldElement(field, inputs) {
  const id = `field-${field.name}`;
  let input;
  switch (field.type) {
    case 'static':
      return h('div.field.static', null, h('span.label', null, field.label), h('div', { dir: 'auto' }, field.value));
    case 'textarea':
    case 'lines':
      input = h('textarea', { id, name: field.name, rows: field.rows || 3, dir: 'auto', required: field.required },
        field.value || '');
      break;
    case 'select':
      input = h('select', { id, name: field.name, required: field.required },
        field.options.map(o => h('option', { value: o.value, selected: o.value === field.value }, o.label)));
      break;
    case 'checks':
      input = h('fieldset.checks', { id }, h('legend', null, field.label),
        field.options.map(o => h('label', null,
          h('input', { type: 'checkbox', name: field.name, value: o.value, checked: o.checked }), ' ', o.label)));
      inputs.set(field.name, input);
      return h('div.field', null, input);
    case 'checkbox':
      input = h('input', { id, name: field.name, type: 'checkbox', checked: field.value });
      inputs.set(field.name, input);
      return h('div.field.inline', null, input, h('label', { for: id }, field.label));
    case 'file':
      input = h('input', { id, name: field.name, type: 'file', accept: field.accept || '.md,.txt,text/markdown,text/plain',
        required: field.required });
      break;
    case 'datetime':
      input = h('input', { id, name: field.name, type: 'datetime-local', required: field.required, value: field.value });
      break;
    default:
      input = h('input', { id, name: field.name, type: 'text', dir: 'auto', required: field.required,
        value: field.value ?? '' });
  }
  inputs.set(field.name, input);
  return h('div.field', null, h('label', { for: id }, field.label), input,
    field.hint ? h('p.hint', null, field.hint) : null);
}

function values(fields, inputs) {
  const out = {};
  for (const field of fields) {
    const input = inputs.get(field.name);
    if (!input) continue;
    switch (field.type) {
      case 'checkbox': out[field.name] = input.checked; break;
      case 'checks': out[field.name] = [...input.querySelectorAll('input:checked')].map(c => c.value); break;
      case 'lines': out[field.name] = input.value.split('\n').map(l => l.trim()).filter(Boolean); break;
      case 'file': out[field.name] = input.files[0] || null; break;
      default: out[field.name] = input.value;
    }
  }
  return out;
}
