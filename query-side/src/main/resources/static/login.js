// The sign-in page: the form posts Spring's CSRF token, which the server hands out as the XSRF-TOKEN cookie. Its
// words come from the web client's message bundles, in the language the user chose (here or in the room).
const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
document.querySelector('input[name=_csrf]').value = token ? decodeURIComponent(token.split('=')[1]) : '';
const query = new URLSearchParams(location.search);
// after an organisation's provider (OIDC) refused, the address says so; the form still takes Plenary's own accounts
document.getElementById('error').hidden = !query.has('error') || query.has('provider');
document.getElementById('provider-refused').hidden = !(query.has('error') && query.has('provider'));
document.getElementById('provider-again').hidden = !query.has('provider');
document.getElementById('signed-out').hidden = !query.has('logout');

const languages = document.getElementById('language');
const LANGUAGES = [...languages.options].map(o => o.value);

function preferred() {
  const saved = localStorage.getItem('plenary.lang');
  if (LANGUAGES.includes(saved)) return saved;
  const browser = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES.includes(browser) ? browser : 'en';
}

async function use(lang) {
  const response = await fetch(`/ui/i18n/${lang}.json`);
  if (!response.ok) return;
  const messages = await response.json();
  document.documentElement.lang = lang;
  languages.value = lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = messages[el.dataset.i18n] ?? el.textContent; });
  document.querySelectorAll('[data-i18n-label]').forEach(el =>
    el.setAttribute('aria-label', messages[el.dataset.i18nLabel] ?? el.getAttribute('aria-label')));
  document.title = `Plenary · ${messages['signin.submit'] ?? 'Sign in'}`;
  document.body.dataset.lang = lang;
}

languages.addEventListener('change', () => {
  localStorage.setItem('plenary.lang', languages.value);
  use(languages.value);
});
use(preferred());
