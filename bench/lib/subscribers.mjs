// A child process holding `count` live clients of one system on one document; it records when each version
// reached each client (process.hrtime, which is the machine's monotonic clock, the same in every process).
// Parent -> child: {cmd:'collect'}; child -> parent: {ready}, then {arrivals: [[version, ns, ...] per client]}.
import { Client } from '@stomp/stompjs';
import ShareDB from 'sharedb/lib/client/index.js';
import WebSocket from 'ws';

const cfg = JSON.parse(process.argv[2]);
const arrivals = [];
const now = () => Number(process.hrtime.bigint());

function plenaryClient(i) {
  return new Promise((resolve, reject) => {
    const seen = [];
    arrivals.push(seen);
    const user = cfg.accounts[(cfg.offset + i) % cfg.accounts.length];
    const client = new Client({
      brokerURL: `ws://127.0.0.1:${cfg.port}/ws`,
      webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${cfg.port}/ws`),
      connectHeaders: { login: user, passcode: user },
      reconnectDelay: 0, heartbeatIncoming: 0, heartbeatOutgoing: 0,
      debug: () => {},
    });
    client.onConnect = () => {
      client.subscribe(`/topic/drafts.${cfg.draft}`, message => {
        const t = now();
        const body = message.body;
        // the version without parsing the whole message: clients that parse it all measure their own parsing
        const at = body.indexOf('"version":');
        seen.push(parseInt(body.slice(at + 10, at + 30), 10), t);
      }, { receipt: `r${i}` });
      client.watchForReceipt(`r${i}`, () => resolve(client));
    };
    client.onStompError = frame => reject(new Error(`${user}: ${frame.headers.message} ${frame.body}`));
    client.onWebSocketError = e => reject(new Error(`${user}: websocket ${e.message ?? e}`));
    client.activate();
  });
}

function sharedbClient(i) {
  return new Promise((resolve, reject) => {
    const seen = [];
    arrivals.push(seen);
    const socket = new WebSocket(`ws://127.0.0.1:${cfg.port}`);
    const connection = new ShareDB.Connection(socket);
    const doc = connection.get(cfg.collection, cfg.doc);
    doc.subscribe(err => {
      if (err) return reject(err);
      doc.on('op', () => seen.push(doc.version, now()));
      resolve(connection);
    });
  });
}

const clients = [];
for (let i = 0; i < cfg.count; i++) {
  clients.push(await (cfg.system === 'plenary' ? plenaryClient(i) : sharedbClient(i)));
}
process.send({ ready: true });
process.on('message', message => {
  if (message.cmd === 'collect') {
    process.send({ arrivals }, () => {
      for (const c of clients) try { cfg.system === 'plenary' ? c.deactivate() : c.close(); } catch { /* closing */ }
      setTimeout(() => process.exit(0), 200);
    });
  }
});
