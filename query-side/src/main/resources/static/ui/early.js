// Loaded first and on its own (async, no imports): a deep link's draft is read while the rest of the client, the
// language and the session load, instead of after them. live.js takes the answer over, or reads again if it failed.
const draft = location.pathname.match(/^\/drafts\/([^/]+)\/?$/);
if (draft) {
  window.plenaryEarly = {
    path: `/api/drafts/${draft[1]}?form=lean`,
    response: fetch(`/api/drafts/${draft[1]}?form=lean`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' },
    }).catch(() => null),
  };
}
