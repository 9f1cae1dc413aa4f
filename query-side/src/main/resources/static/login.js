// The form posts Spring's CSRF token, which the server hands out as the XSRF-TOKEN cookie.
const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
document.querySelector('input[name=_csrf]').value = token ? decodeURIComponent(token.split('=')[1]) : '';
const query = new URLSearchParams(location.search);
document.getElementById('error').hidden = !query.has('error');
document.getElementById('signed-out').hidden = !query.has('logout');
