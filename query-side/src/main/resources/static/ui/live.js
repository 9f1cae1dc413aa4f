// The one owner of a draft's live state. It subscribes with a receipt, catches up from /events, and applies
// changes in version order, exactly as the README's client does; everything else renders from what it reports.
// After a drop it reconnects, catches up what it missed and says so.

import { Client } from '/webjars/stomp__stompjs/7.0.0/esm6/index.js';
import { read } from './api.js';
import { token } from './session.js';

/** Events that change only paragraphs; any other kind also changes the header (status line, symbol, silence …). */
const PARAGRAPHS_ONLY = new Set(['TextBracketed', 'AlternativeProposed', 'AlternativeSupported',
  'AlternativeObjected', 'AlternativeWithdrawn', 'BracketWithdrawn', 'AlternativeAccepted', 'BridgingTextProposed',
  'ParagraphProposed', 'OptionsOpened', 'DeletionProposed', 'ParagraphMoved', 'ParagraphStatusSet',
  'ParagraphAgreed', 'AgreementWithdrawn']);

/**
 * Follows draft {@code draftId} (or, with live: false, reads it once). listener: {
 *   loaded(draft): the whole draft, first and after any reload;
 *   changed(change, draft): one change applied, in version order;
 *   header(draft): header fields (status line, symbol, silence, footnotes, participants) changed;
 *   presence(message): who is in the room;
 *   connection(state, detail): 'connecting' | 'live' | 'reconnecting' | 'caughtUp' | 'refused'
 * }
 */
export function follow(draftId, listener, { live = true } = {}) {
  let draft = null;
  let pending = null;       // changes held while catching up; null when not catching up
  let catching = false;
  let everConnected = false;
  let again = false;      // asked to catch up while catching up
  let dropped = false;

  const client = new Client({
    brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    reconnectDelay: 1000,
    connectionTimeout: 10000,   // no CONNECTED within 10 s: close and try again
    beforeConnect: async () => {
      client.connectHeaders = { Authorization: `Bearer ${await token()}` };
    },
    onConnect: () => {
      pending = [];
      const receipt = `changes-${Date.now()}`;
      client.watchForReceipt(receipt, () => catchUp());
      // rooms broadcast by two query nodes may cross: keep the highest revision seen on this connection
      let room = -1;
      client.subscribe(`/topic/drafts.${draftId}.presence`, frame => {
        const message = JSON.parse(frame.body);
        if (typeof message.revision === 'number') {
          if (message.revision < room) return;
          room = message.revision;
        }
        listener.presence?.(message);
      });
      client.subscribe(`/topic/drafts.${draftId}`, frame => receive(JSON.parse(frame.body)), { receipt });
    },
    onStompError: frame => listener.connection?.('refused', frame.headers.message),
    onWebSocketClose: () => {
      if (everConnected) {
        dropped = true;
        listener.connection?.('reconnecting');
      }
    },
  });

  function receive(change) {
    if (pending) { pending.push(change); return; }
    if (change.version <= draft.version) return;                                // already have it
    if (change.version > draft.version + 1) { pending = [change]; catchUp(); return; } // missed some
    apply(change);
  }

  /**
   * Reads the draft once, without waiting for the live channel: whatever happens after the version it answers is
   * in /events, which the catch-up reads once the subscription is live.
   */
  let opening = null;
  function open() {
    if (!opening) {
      opening = firstRead(draftId).then(doc => {
        if (!draft) {
          draft = fromDocument(doc);
          listener.loaded?.(draft);
        }
      }, problem => {
        opening = null;
        throw problem;
      });
    }
    return opening;
  }

  async function catchUp() {
    if (catching) { again = true; return; }
    catching = true;
    try {
      if (!draft) await open();
      const before = draft.version;
      const missed = await read(`/api/drafts/${encodeURIComponent(draftId)}/events`, { after: draft.version });
      missed.forEach(apply);
      const held = pending || [];
      pending = null;
      held.forEach(receive);
      if (dropped) listener.connection?.('caughtUp', draft.version - before);
      else if (!everConnected) listener.connection?.('live');
      dropped = false;
      everConnected = true;
    } catch (e) {
      setTimeout(() => { catching = false; catchUp(); }, 1000);          // the changes stay held meanwhile
      return;
    }
    catching = false;
    if (again) {
      again = false;
      if (!pending) pending = [];
      catchUp();
    }
  }

  function apply(change) {
    if (change.version !== draft.version + 1) return;
    for (const id of change.removed || []) {
      draft.paragraphs.delete(id);
      const at = draft.order.indexOf(id);
      if (at >= 0) draft.order.splice(at, 1);
    }
    for (const { paragraphId, after } of change.placed || []) {
      const at = draft.order.indexOf(paragraphId);
      if (at >= 0) draft.order.splice(at, 1);
      draft.order.splice(after === null ? 0 : draft.order.indexOf(after) + 1, 0, paragraphId);
    }
    for (const p of change.paragraphs || []) draft.paragraphs.set(p.paragraphId, p);
    draft.version = change.version;
    draft.status = change.status;
    listener.changed?.(change, draft);
    if (!PARAGRAPHS_ONLY.has(change.type)) refreshHeader(change.version);
  }

  /** The header as it stood at that version: the live change carries paragraphs, not the header. */
  async function refreshHeader(version) {
    try {
      const doc = await read(`/api/drafts/${encodeURIComponent(draftId)}`, { version, form: 'header' });
      if (version < draft.headerVersion) return;
      Object.assign(draft, header(doc), { headerVersion: version });
      listener.header?.(draft);
    } catch (e) {
      // the next change that touches the header asks again
    }
  }

  if (live) {
    listener.connection?.('connecting');
    client.activate();
    open().catch(() => {});   // the catch-up reads it again if this fails
  } else {
    // an observer reads the current text; the live channel is the room's
    firstRead(draftId).then(doc => {
      draft = fromDocument(doc);
      listener.loaded?.(draft);
    }).catch(problem => listener.failed?.(problem));
  }

  return {
    get draft() { return draft; },
    /** Sets this user's focus (null: none): the room sees which paragraph each of us is on. */
    focus(paragraphId) {
      if (client.connected) {
        client.publish({ destination: `/app/drafts.${draftId}.focus`, body: JSON.stringify({ paragraphId }) });
      }
    },
    /** Catches up now, e.g. after a 412 says the draft moved on. */
    refresh() {
      if (!pending) { pending = []; catchUp(); }
    },
    stop() {
      client.deactivate();
    },
  };
}

/** The draft's lean document: the read early.js started for this page, if it answered, or a new one. */
async function firstRead(draftId) {
  const path = `/api/drafts/${encodeURIComponent(draftId)}`;
  const early = window.plenaryEarly;
  if (early && early.path === `${path}?form=lean`) {
    window.plenaryEarly = null;
    const response = await early.response;
    if (response?.ok) {
      try {
        return await response.json();
      } catch (e) {
        // read it again below
      }
    }
  }
  return read(path, { form: 'lean' });
}

function header(doc) {
  const { paragraphs, version, ...rest } = doc;
  return rest;
}

/**
 * A draft's document (GET /api/drafts/{d}, full or ?form=lean) as the state this module keeps. Its paragraphs may
 * be lean (holders inside the content's brackets) while those a live change brought are full: both render alike.
 */
export function fromDocument(doc) {
  return {
    ...header(doc),
    version: doc.version,
    headerVersion: doc.version,
    order: doc.paragraphs.map(p => p.paragraphId),
    paragraphs: new Map(doc.paragraphs.map(p => [p.paragraphId, p])),
  };
}
