// Every string of the interface comes from a message bundle (ui/i18n/<lang>.json); English fills any gap.

export const LANGUAGES = { en: 'English', ru: 'Русский' };

let messages = {};
let fallback = {};
let current = 'en';
const listeners = [];

export function language() {
  return current;
}

function preferred() {
  const saved = localStorage.getItem('plenary.lang');
  if (saved && LANGUAGES[saved]) return saved;
  const browser = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES[browser] ? browser : 'en';
}

async function bundle(lang) {
  const response = await fetch(`/ui/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`no messages for ${lang}`);
  return response.json();
}

export async function start() {
  fallback = await bundle('en');
  await use(preferred(), false);
}

export async function use(lang, remember = true) {
  messages = lang === 'en' ? fallback : await bundle(lang);
  current = lang;
  if (remember) localStorage.setItem('plenary.lang', lang);
  document.documentElement.lang = lang;
  applyTo(document);
  listeners.forEach(listener => listener(lang));
}

/** Called again whenever the language changes. */
export function onChange(listener) {
  listeners.push(listener);
}

/** t('draft.version', {version: 3}) → "Version 3". */
export function t(key, params = {}) {
  const template = messages[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Fills elements marked data-i18n (text), data-i18n-label (aria-label), -title and -placeholder. */
export function applyTo(root) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  root.querySelectorAll('[data-i18n-title]').forEach(el => el.setAttribute('title', t(el.dataset.i18nTitle)));
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el =>
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder)));
}

/** A date and time in the reader's language. */
export function when(instant) {
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}
