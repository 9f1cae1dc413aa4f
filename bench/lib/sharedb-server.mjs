// ShareDB with sharedb-postgres, in its own process, serving plain `ws` connections: the harness shape ShareDB's
// own benchmarks use. argv: port, postgres URL. Prints "ready" once listening.
import { Duplex } from 'node:stream';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import ShareDB from 'sharedb';
import PostgresDB from 'sharedb-postgres';
import { WebSocketServer } from 'ws';

const [port, url] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const structure = readFileSync(require.resolve('sharedb-postgres/structure.sql'), 'utf8');
const setup = new pg.Client({ connectionString: url });
await setup.connect();
await setup.query(structure);
await setup.end();

const backend = new ShareDB({ db: new PostgresDB({ connectionString: url }) });
const wss = new WebSocketServer({ port: Number(port) });
wss.on('connection', ws => {
  // what @teamwork/websocket-json-stream does: one JSON message per WebSocket message
  const stream = new Duplex({
    objectMode: true,
    read() {},
    write(message, _encoding, done) {
      if (ws.readyState === 1) ws.send(JSON.stringify(message));
      done();
    },
  });
  ws.on('message', data => stream.push(JSON.parse(data)));
  ws.on('close', () => { stream.push(null); stream.emit('close'); });
  stream.on('error', () => ws.close());
  stream.on('end', () => ws.close());
  backend.listen(stream);
});
wss.on('listening', () => console.log('ready'));
