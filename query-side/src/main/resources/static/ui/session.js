// Sign-in (COMMON.md's identity contract): the query side's session cookie proves who we are; /api/session gives
// a short-lived bearer token for the command side and STOMP, kept in memory only and renewed before it expires.

let session = null;
let renewal = null;

const NEXT = 'plenary.next';

/** The signed-in session, or a trip to /login (coming back to this page afterwards). */
export async function signIn() {
  const response = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    sessionStorage.setItem(NEXT, location.pathname + location.search);
    location.assign('/login');
    return new Promise(() => {}); // the page is going away
  }
  if (!response.ok) throw new Error(`session: ${response.status}`);
  accept(await response.json());
  const next = sessionStorage.getItem(NEXT);
  sessionStorage.removeItem(NEXT);
  if (next && next !== location.pathname + location.search && next.startsWith('/')) history.replaceState(null, '', next);
  return session;
}

function accept(answer) {
  session = answer;
  clearTimeout(renewal);
  const lifetime = new Date(answer.expiresAt).getTime() - Date.now();
  // ask again at four fifths of the token's life, and at least a few seconds before it ends
  renewal = setTimeout(() => renew().catch(() => {}), Math.max(1000, Math.min(lifetime * 0.8, lifetime - 5000)));
}

async function renew() {
  const response = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    sessionStorage.setItem(NEXT, location.pathname + location.search);
    location.assign('/login');
    return;
  }
  if (response.ok) accept(await response.json());
}

export function current() {
  return session;
}

/** A token that is still valid: renewed first if it is about to expire. */
export async function token() {
  if (!session || new Date(session.expiresAt).getTime() - Date.now() < 5000) await renew();
  return session.token;
}

/** Spring's CSRF token for unsafe requests that the session cookie authenticates. */
export function csrfHeaders() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) } : {};
}

export async function signOut() {
  clearTimeout(renewal);
  session = null;
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() }).catch(() => {});
  location.assign('/login?logout');
}

/** What this account may do, by the role matrix of DOMAIN.md. */
export function may(action) {
  const role = session?.role;
  const delegation = role === 'DELEGATION';
  const chair = role === 'CHAIR';
  const secretariat = role === 'SECRETARIAT';
  switch (action) {
    case 'bracket': case 'propose': case 'alternative': return delegation || chair;
    case 'position': case 'agree': case 'breakSilence': return delegation;
    case 'accept': return chair || secretariat;
    case 'bridge': case 'status': case 'move': return chair;
    case 'reviseFromText': return chair || secretariat;
    case 'import': case 'admit': case 'revision': case 'silence': case 'finalise': case 'corrigendum':
      return secretariat;
    case 'record': return role !== 'OBSERVER';
    case 'live': return role !== 'OBSERVER';
    default: return false;
  }
}
