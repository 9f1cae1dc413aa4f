// Writers, measured from outside: HTTP writers against Plenary's command side and ShareDB writers over `ws`, in the
// same run, each writer sending its next command only once the last one is acknowledged.
//
//   node bench/writers.mjs [one|draft|drafts|all] [--writers=32] [--drafts=100] [--seconds=10] [--warmup=2]
//                          [--only=plenary|sharedb] [--via=http|stomp] [--port=PORT]
//
//   one     one writer on one draft (issue 12, target 3)
//   draft   --writers (32) writers on one draft (target 4)
//   drafts  --writers (32) writers across --drafts (100) drafts (target 5)
//
// Plenary is the command side's exec jar alone (mvn -q -B -DskipTests package) on a fresh database; --local runs the
// local-mode jar instead (both sides in one JVM, so the query side's projection shares its CPU); --port names the
// command side of one already running (then its process is measured by --pid). ShareDB runs sharedb-postgres in its own
// process on a fresh database, all on free ports. --via=stomp sends Plenary's commands over one open STOMP connection
// per writer (SEND with a receipt, answered by a RECEIPT with the status and answer) instead of HTTP. Each scenario prints commands/s, p50/p99/max until acknowledged, the load average
// and the CPU each process used; then it checks that every acknowledged command is recorded, once, in order.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Client as Stomp } from '@stomp/stompjs';
import ShareDB from 'sharedb/lib/client/index.js';
import WebSocket from 'ws';
import { freshDatabase, PG } from './lib/db.mjs';
import { figure, Machine } from './lib/machine.mjs';
import { DELEGATIONS, freePort, ROOT, startPlenary } from './lib/plenary.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).filter(a => a.startsWith('--'))
  .map(a => { const [k, v] = a.slice(2).split('='); return [k, v ?? 'true']; }));
const scenario = process.argv.slice(2).find(a => !a.startsWith('--')) ?? 'all';
const WRITERS = Number(args.writers ?? 32);
const DRAFTS = Number(args.drafts ?? 100);
const SECONDS = Number(args.seconds ?? 10);
const WARMUP = Number(args.warmup ?? 3);
// a fresh JVM compiles its hot paths during its first seconds
const JVM_WARMUP = Number(args['jvm-warmup'] ?? 15);
const now = () => Number(process.hrtime.bigint());

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** One POST; resolves {status, body}. Each writer has its own keep-alive connection. */
function postHttp(port, path, user, body, writerAgent = agent) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path, agent: writerAgent,
      headers: {
        authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64'),
        'content-type': 'application/json', 'content-length': Buffer.byteLength(data),
      },
    }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, body: text.startsWith('{') ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * The command side alone, as the split deployment runs it: its own exec jar in its own JVM, on a fresh database,
 * with the demo accounts (profile local). The query side is left out, so that its projection does not share the
 * machine's two cores with the path under test (--local runs local mode's both sides in one JVM instead).
 */
async function startCommandSide() {
  const port = await freePort();
  const jar = join(ROOT, 'command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run mvn -q -B -DskipTests package first`);
  const db = await freshDatabase('bench_command');
  const jvm = (process.env.PLENARY_JVM ?? '-Xmx512m').split(' ').filter(Boolean);
  const child = spawn('java', [...jvm, '-jar', jar, '--spring.profiles.active=local', `--server.port=${port}`,
    `--spring.datasource.url=${db.jdbc}`, `--spring.datasource.username=${PG.user}`,
    `--spring.datasource.password=${PG.password}`, `--plenary.record.local-key=/tmp/bench-record-key-${process.pid}.pem`],
  { env: { ...process.env, PLENARY_TOKEN_KEY: randomBytes(32).toString('base64') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', d => { log = (log + d).slice(-20000); });
  child.stderr.on('data', d => { log = (log + d).slice(-20000); });
  const exited = new Promise(resolve => child.on('exit', resolve));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the command side exited while starting:\n' + log);
    if (Date.now() > deadline) { child.kill(); throw new Error('the command side did not start in 3 min:\n' + log); }
    const up = await new Promise(res => http.get({ host: '127.0.0.1', port, path: '/actuator/health' }, r => { r.resume(); res(r.statusCode < 500); })
      .on('error', () => res(false)));
    if (up) break;
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    pid: child.pid, commandPort: port, db, log: () => log,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      await db.drop().catch(() => {});
    },
  };
}

/** A draft with the nine delegations admitted, made through the API. */
async function plenaryDraft(port, n) {
  const made = await postHttp(port, '/api/drafts', 'secretariat',
    { reference: `BENCH/${n}`, title: `Writers ${n}`, kind: 'COMMUNIQUE', date: '2026-12-03', venue: 'Almaty' });
  if (made.status !== 201) throw new Error(`create: ${made.status} ${JSON.stringify(made.body)}`);
  const draftId = made.body.draftId;
  for (const code of DELEGATIONS) {
    const r = await postHttp(port, `/api/drafts/${draftId}/delegations`, 'secretariat',
      { code, name: `the delegation of ${code.toUpperCase()}`, participation: 'CONFIRMED' });
    if (r.status !== 200) throw new Error(`admit ${code}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return draftId;
}

/** A POST over one writer's open STOMP connection to the command side: a SEND answered by its RECEIPT. */
async function stompPoster(port, user) {
  const client = new Stomp({
    webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${port}/ws`),
    connectHeaders: { login: user, passcode: user },
    reconnectDelay: 0, heartbeatIncoming: 0, heartbeatOutgoing: 0, debug: () => {},
  });
  await new Promise((resolve, reject) => {
    client.onConnect = resolve;
    client.onStompError = f => reject(new Error(f.headers.message));
    client.onWebSocketError = e => reject(e);
    client.activate();
  });
  let n = 0;
  const post = (path, _user, body) => new Promise(resolve => {
    const receipt = `r${n++}`;
    client.watchForReceipt(receipt, frame => {
      const answer = JSON.parse(frame.headers.answer);
      resolve({ status: Number(frame.headers.status), body: answer });
    });
    client.publish({ destination: '/app' + path.replace(/^\/api/, ''), headers: { receipt }, body: JSON.stringify(body) });
  });
  post.close = () => client.deactivate();
  return post;
}

/**
 * A delegation writing as a negotiation goes, in cycles of 21 commands: a paragraph of its own with ten words,
 * then each word bracketed and given an alternative. Answers {status, version} per command.
 */
async function plenaryWriter(port, draftId, writer) {
  const user = DELEGATIONS[writer % DELEGATIONS.length];
  const own = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = args.via === 'stomp' ? await stompPoster(port, user) : (path, u, body) => postHttp(port, path, u, body, own);
  let step = 0;
  let paragraph;
  let bracket;
  let cycle = 0;
  return async () => {
    const k = step % 21;
    let r;
    if (k === 0) {
      cycle++;
      const words = Array.from({ length: 10 }, (_, i) => `w${writer}c${cycle}x${i}`).join(' ');
      r = await post(`/api/drafts/${draftId}/paragraphs`, user, { section: 'OPERATIVE', text: `Parties note ${words}.` });
      paragraph = r.body.paragraphId;
    } else if (k % 2 === 1) {
      r = await post(`/api/drafts/${draftId}/paragraphs/${paragraph}/brackets`, user,
        { quote: `w${writer}c${cycle}x${(k - 1) / 2}` });
      bracket = r.body.bracketId;
    } else {
      r = await post(`/api/drafts/${draftId}/brackets/${bracket}/alternatives`, user, { text: `alternative ${k}` });
    }
    step++;
    if (r.status !== 201) throw new Error(`writer ${writer}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.version;
  };
}

/** A ShareDB client on its own `ws` connection, editing one document so that its size stays flat. */
async function sharedbWriter(port, collection, docId, writer) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((res, rej) => { socket.on('open', res); socket.on('error', rej); });
  const connection = new ShareDB.Connection(socket);
  const doc = connection.get(collection, docId);
  await new Promise((res, rej) => doc.subscribe(e => (e ? rej(e) : res())));
  let step = 0;
  const send = () => new Promise((res, rej) => {
    // replace one character of the writer's own line: the document keeps its ~8 KB
    const at = (step++ % 60);
    const ch = String.fromCharCode(97 + (step % 26));
    const line = doc.data.lines[writer % doc.data.lines.length];
    const op = [{ p: ['lines', writer % doc.data.lines.length, at], sd: line[at] }, { p: ['lines', writer % doc.data.lines.length, at], si: ch }];
    doc.submitOp(op, e => (e ? rej(e) : res(doc.version)));
  });
  send.close = () => connection.close();
  return send;
}

/** ShareDB with sharedb-postgres in its own process, and its documents made there. */
async function startShareDB(docs) {
  const db = await freshDatabase('bench_sharedb');
  const port = await freePort();
  const child = fork(join(HERE, 'lib/sharedb-server.mjs'), [String(port), db.url], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  await new Promise((res, rej) => {
    child.stdout.on('data', d => { if (String(d).includes('ready')) res(); });
    child.on('exit', code => rej(new Error('sharedb exited ' + code)));
  });
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise(res => socket.on('open', res));
  const connection = new ShareDB.Connection(socket);
  const lines = Array.from({ length: 128 }, (_, i) => `${i}. The Parties shall cooperate in good faith on matter ${i} `.padEnd(64, '.'));
  for (const id of docs) {
    const doc = connection.get('drafts', id);
    await new Promise((res, rej) => doc.create({ lines }, e => (e ? rej(e) : res())));
  }
  connection.close();
  return {
    pid: child.pid, port, db,
    async stop() {
      const exited = new Promise(res => child.on('exit', res));
      child.kill('SIGTERM');
      await exited;
      await db.drop().catch(() => {});
    },
  };
}

/** Runs `writers` (async functions answering the new version) for WARMUP + SECONDS; figures over the last SECONDS. */
async function drive(label, writers, machineOf, warmup = WARMUP) {
  let measuring = false;
  let stop = false;
  const latencies = [];
  const versions = writers.map(() => []);
  let count = 0;
  let failure;
  const loops = writers.map(async (send, w) => {
    while (!stop) {
      const t0 = now();
      const version = await send();
      const t1 = now();
      versions[w].push(version);
      if (measuring) { latencies.push(t1 - t0); count++; }
    }
  }).map(p => p.catch(e => { failure = failure ?? e; stop = true; }));
  await new Promise(r => setTimeout(r, warmup * 1000));
  measuring = true;
  const machine = machineOf();
  const t = now();
  await new Promise(r => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const seconds = (now() - t) / 1e9;
  const cpu = machine.report();
  stop = true;
  await Promise.all(loops);
  if (failure) throw failure;
  console.log(`BENCH ${label.padEnd(48)} ${(count / seconds).toFixed(0).padStart(6)} commands/s acknowledged`);
  figure(`${label}: command until acknowledged`, latencies);
  console.log(`BENCH ${label.padEnd(48)} ${cpu}`);
  return versions;
}

/** Every version a writer was given follows the one before it, for the same draft. */
function checkOrder(versions, label) {
  for (const vs of versions) {
    for (let i = 1; i < vs.length; i++) {
      if (!(vs[i] > vs[i - 1])) throw new Error(`${label}: a writer was answered version ${vs[i]} after ${vs[i - 1]}`);
    }
  }
}

/** Every acknowledged version is in the event store, once; no version lies between them unaccounted. */
async function checkPlenary(db, draftOf, versions) {
  const c = new pg.Client({ ...PG, database: db.name });
  c.on('error', e => console.error('check:', e.message));
  await c.connect();
  const byDraft = new Map();
  versions.forEach((vs, w) => {
    const d = draftOf(w);
    if (!byDraft.has(d)) byDraft.set(d, []);
    byDraft.get(d).push(...vs);
  });
  let acknowledged = 0;
  try {
  for (const [draft, vs] of byDraft) {
    const r = await c.query('SELECT max(sequencenumber) + 1 AS n, count(*) AS c FROM domainevententry WHERE aggregateidentifier = $1', [draft]);
    const stored = Number(r.rows[0].n);
    if (Number(r.rows[0].c) !== stored) throw new Error(`draft ${draft}: a gap in its versions`);
    const seen = new Set();
    for (const v of vs) {
      if (seen.has(v)) throw new Error(`draft ${draft}: version ${v} acknowledged twice`);
      seen.add(v);
      if (v > stored) throw new Error(`draft ${draft}: version ${v} acknowledged but not stored (${stored} stored)`);
    }
    acknowledged += vs.length;
  }
  } finally {
    await c.end();
  }
  console.log(`BENCH ${'  checked'.padEnd(48)} ${acknowledged} acknowledged commands stored once, versions in order per writer`);
}

async function plenaryScenarios() {
  const external = args.port ? Number(args.port) : null;
  const plenary = external ? null : args.local
    ? await startPlenary() : await startCommandSide();
  const port = external ?? plenary.commandPort;
  const processes = async () => {
    const map = { plenary: external ? (args.pid ? [Number(args.pid)] : []) : [plenary.pid] };
    if (plenary) map.postgres = await plenary.db.backends();
    return map;
  };
  try {
    for (const name of names) {
      const drafts = [];
      const n = name === 'one' ? 1 : name === 'draft' ? 1 : DRAFTS;
      for (let i = 0; i < n; i++) drafts.push(await plenaryDraft(port, i));
      const writers = name === 'one' ? 1 : WRITERS;
      const draftOf = w => drafts[w % drafts.length];
      // with more drafts than writers, each writer takes the next draft after each command
      const sends = await Promise.all(Array.from({ length: writers }, async (_, w) => {
        if (name !== 'drafts') return plenaryWriter(port, draftOf(w), w);
        const mine = drafts.filter((_, d) => d % writers === w);
        const perDraft = await Promise.all(mine.map(d => plenaryWriter(port, d, w)));
        let i = 0;
        const send = async () => { const s = i++ % perDraft.length; return { draft: mine[s], version: await perDraft[s]() }; };
        return send;
      }));
      const pids = await processes();
      const label = `plenary ${args.via === 'stomp' ? 'stomp ' : ''}${name}: ${writers} writer${writers > 1 ? 's' : ''} on ${n} draft${n > 1 ? 's' : ''}`;
      const versions = await drive(label, sends, () => new Machine(() => pids), name === names[0] ? JVM_WARMUP : WARMUP);
      if (name === 'drafts') {
        const split = new Map();
        versions.forEach(vs => vs.forEach(({ draft, version }) => {
          if (!split.has(draft)) split.set(draft, []);
          split.get(draft).push(version);
        }));
        const keys = [...split.keys()];
        checkOrder([...split.values()], label);
        if (plenary) await checkPlenary(plenary.db, w => keys[w], [...split.values()]);
      } else {
        checkOrder(versions, label);
        if (plenary) await checkPlenary(plenary.db, draftOf, versions);
      }
    }
  } catch (e) {
    if (plenary) console.error(plenary.log().slice(-6000));
    throw e;
  } finally {
    if (plenary) await plenary.stop();
  }
}

async function sharedbScenarios() {
  for (const name of names) {
    const n = name === 'drafts' ? DRAFTS : 1;
    const docs = Array.from({ length: n }, (_, i) => `doc${i}`);
    const server = await startShareDB(docs);
    try {
      const writers = name === 'one' ? 1 : WRITERS;
      const sends = [];
      for (let w = 0; w < writers; w++) {
        if (name !== 'drafts') { sends.push(await sharedbWriter(server.port, 'drafts', docs[0], w)); continue; }
        const mine = docs.filter((_, d) => d % writers === w);
        const perDoc = [];
        for (const d of mine) perDoc.push(await sharedbWriter(server.port, 'drafts', d, w));
        let i = 0;
        const send = () => perDoc[i++ % perDoc.length]();
        send.close = () => perDoc.forEach(s => s.close());
        sends.push(send);
      }
      const pids = { sharedb: [server.pid], postgres: await server.db.backends() };
      const label = `sharedb ${name}: ${writers} writer${writers > 1 ? 's' : ''} on ${n} doc${n > 1 ? 's' : ''}`;
      await drive(label, sends, () => new Machine(() => pids));
      sends.forEach(s => s.close());
    } finally {
      await server.stop();
    }
  }
}

const names = scenario === 'all' ? ['one', 'draft', 'drafts'] : [scenario];
console.log(`BENCH writers: ${names.join(', ')}; ${WRITERS} writers, ${DRAFTS} drafts, ${WARMUP} s warm-up, ${SECONDS} s measured`);
if (args.only !== 'plenary') await sharedbScenarios();
if (args.only !== 'sharedb') await plenaryScenarios();
process.exit(0);
