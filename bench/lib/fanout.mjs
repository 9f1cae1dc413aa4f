// Live fan-out, measured from outside: subscribers in child processes follow one document while one writer
// changes it at a fixed rate, one change at a time (each waits for its acknowledgement). A sample is the time from
// just before the change is sent until one subscriber has it; "last subscriber" is the slowest per change.
import { execFileSync, fork, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ShareDB from 'sharedb/lib/client/index.js';
import WebSocket from 'ws';
import { freshDatabase } from './db.mjs';
import { figure, Machine } from './machine.mjs';
import { ACCOUNTS, freePort, importDraft, longSeed } from './plenary.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const now = () => Number(process.hrtime.bigint());
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Subscribers spread over `processes` children; resolves once every one of them has subscribed. */
async function subscribers(count, processes, config) {
  const children = [];
  for (let p = 0; p < processes; p++) {
    const share = Math.floor(count / processes) + (p < count % processes ? 1 : 0);
    if (share === 0) continue;
    const child = fork(join(HERE, 'subscribers.mjs'),
      [JSON.stringify({ ...config, count: share, offset: p })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
  }
  await Promise.all(children.map(child => new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', code => reject(new Error(`subscriber process exited with ${code}`)));
  })));
  return {
    pids: children.map(c => c.pid),
    async collect() {
      const all = await Promise.all(children.map(child => new Promise(resolve => {
        child.removeAllListeners('exit');
        child.once('message', m => resolve(m.arrivals));
        child.send({ cmd: 'collect' });
      })));
      return all.flat();
    },
  };
}

/** What a system offers the bench: a writer that makes change i and the live clients' configuration. */
async function plenaryTarget(plenary, paragraphs) {
  const { draftId, version, document } = await importDraft(plenary, longSeed(paragraphs));
  const bytes = Buffer.byteLength(JSON.stringify(document));
  // the paragraph in the middle: bracket words in it, then withdraw the bracket, so that the size stays flat
  const paragraph = document.paragraphs[Math.floor(document.paragraphs.length / 2)];
  const quote = (/ ([a-z]{4,} [a-z]{2,} [a-z]{4,}) /.exec(paragraph.text) ?? [])[1];
  if (!quote) throw new Error(`no plain words to bracket in ${paragraph.text}`);
  let bracket;
  return {
    label: `Plenary, ${document.paragraphs.length} paragraphs (${(bytes / 1024).toFixed(1)} KB as JSON)`,
    base: version,
    pids: () => plenary.pids(),
    live: { system: 'plenary', port: plenary.queryPort, draft: draftId, accounts: ACCOUNTS },
    async change(i) {
      const r = i % 2 === 0
        ? await plenary.command(`/api/drafts/${draftId}/paragraphs/${paragraph.paragraphId}/brackets`, 'kaz',
          { quote, alternatives: [`${quote} ${i}`] })
        : await plenary.command(`/api/drafts/${draftId}/brackets/${bracket}/withdraw`, 'kaz');
      if (r.status >= 300) throw new Error(`change ${i}: ${r.status} ${JSON.stringify(r.body)}`);
      if (i % 2 === 0) bracket = r.body.bracketId;
      return r.body.version;
    },
  };
}

/** ShareDB's own shape: one json0 document of about 8 KB; an edit replaces one item with one as long. */
export async function startShareDB() {
  const port = await freePort();
  const db = await freshDatabase('bench_sharedb');
  const child = spawn('node', [join(HERE, 'sharedb-server.mjs'), String(port), db.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', d => String(d).includes('ready') && resolve());
    child.on('exit', code => reject(new Error(`ShareDB exited with ${code}`)));
  });
  return {
    pid: child.pid, port, db,
    async stop() { child.kill(); await sleep(200); await db.drop().catch(() => {}); },
  };
}

async function sharedbTarget(server, id) {
  const connection = new ShareDB.Connection(new WebSocket(`ws://127.0.0.1:${server.port}`));
  const doc = connection.get('drafts', id);
  const item = k => `Paragraph ${String(k).padStart(2, '0')}: the Parties shall cooperate in good faith, `
    + 'taking into account national circumstances and respective capabilities, and the need for adequate support.';
  await new Promise((res, rej) => doc.create({ paras: Array.from({ length: 40 }, (_, k) => item(k)) }, e => e ? rej(e) : res()));
  const bytes = Buffer.byteLength(JSON.stringify(doc.data));
  return {
    label: `ShareDB, json0, ${(bytes / 1024).toFixed(1)} KB`,
    base: doc.version,
    pids: () => ({ sharedb: [server.pid] }),
    live: { system: 'sharedb', port: server.port, collection: 'drafts', doc: id },
    change(i) {
      const k = i % 40;
      const old = doc.data.paras[k];
      const next = old.slice(0, -8) + String(i % 1e7).padStart(7, '0') + '.';
      return new Promise((res, rej) => doc.submitOp([{ p: ['paras', k], ld: old, li: next }], e => e ? rej(e) : res(doc.version)));
    },
    close() { connection.close(); },
  };
}

/**
 * One fan-out run against one system. opts: subscribers, processes, rate, changes, warmup, paragraphs (Plenary's
 * draft), settle (ms to wait for late deliveries).
 */
export async function fanout(system, opts) {
  const target = system.kind === 'plenary'
    ? await plenaryTarget(system.server, opts.paragraphs)
    : await sharedbTarget(system.server, `doc${Date.now()}`);
  const total = opts.warmup + opts.changes;
  const subs = await subscribers(opts.subscribers, opts.processes, target.live);
  await sleep(500);
  const sent = new Float64Array(total);
  const acked = [];
  const period = 1e9 / opts.rate;
  let machine;
  let start = now();
  for (let i = 0; i < total; i++) {
    if (i === opts.warmup) {
      const backends = await system.server.db.backends();
      machine = new Machine(() => ({ ...target.pids(), postgres: backends, subscribers: subs.pids }));
      start = now();
    }
    const due = start + (i < opts.warmup ? i : i - opts.warmup) * period;
    const wait = (due - now()) / 1e6;
    if (wait > 0) await sleep(wait);
    sent[i] = now();
    const version = await target.change(i);
    if (i >= opts.warmup) acked.push(now() - sent[i]);
    if (version !== target.base + i + 1) throw new Error(`change ${i} made version ${version}, expected ${target.base + i + 1}`);
  }
  const seconds = (now() - start) / 1e9;
  const report = machine.report();
  await sleep(opts.settle);
  const heap = system.kind === 'plenary' ? liveHeap(system.server.queryPid) : null;
  const arrivals = await subs.collect();
  target.close?.();

  const each = [];
  const first = new Float64Array(opts.changes).fill(Infinity);
  const last = new Float64Array(opts.changes);
  let lost = 0, reordered = 0, duplicated = 0;
  for (const seen of arrivals) {
    const got = new Uint8Array(total);
    let previous = 0;
    for (let j = 0; j < seen.length; j += 2) {
      const i = seen[j] - target.base - 1;
      if (i < 0 || i >= total) continue; // not one of ours
      if (got[i]) { duplicated++; continue; }
      if (seen[j] < previous) reordered++;
      previous = Math.max(previous, seen[j]);
      got[i] = 1;
      if (i >= opts.warmup) {
        const latency = seen[j + 1] - sent[i];
        each.push(latency);
        first[i - opts.warmup] = Math.min(first[i - opts.warmup], latency);
        last[i - opts.warmup] = Math.max(last[i - opts.warmup], latency);
      }
    }
    lost += total - got.reduce((a, b) => a + b, 0);
  }
  console.log(`\nBENCH fan-out ${target.label}: ${opts.subscribers} subscribers in ${opts.processes} processes, `
    + `${opts.changes} changes at ${opts.rate}/s after ${opts.warmup} unmeasured (sent in ${seconds.toFixed(1)} s)`);
  console.log(`BENCH ${report}`);
  const figures = {
    acked: figure('change sent until acknowledged', acked),
    first: figure('... until the first subscriber has it', first.filter(Number.isFinite)),
    each: figure('... until each subscriber has it', each),
    last: figure('... until the last subscriber has it', last.filter(v => v > 0)),
  };
  console.log(`BENCH lost ${lost}  reordered ${reordered}  duplicated ${duplicated}`);
  if (heap) console.log(`BENCH ${heap}`);
  return { ...figures, lost, reordered, duplicated };
}

/** The query side's live heap in MB after a full collection (jcmd GC.class_histogram). */
function heapMB(pid) {
  const histogram = execFileSync('jcmd', [String(pid), 'GC.class_histogram'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return Number(/Total\s+(\d+)\s+(\d+)/.exec(histogram)[2]) / 1048576;
}

/**
 * What the folded drafts (the query side's LRU, bounded by plenary.query.folded-paragraphs) cost in heap: the live
 * heap after one small draft, then after `drafts` drafts of `paragraphs` paragraphs more, all folded and read.
 */
export async function foldedHeap(plenary, { drafts, paragraphs }) {
  await importDraft(plenary, longSeed(13));
  const before = heapMB(plenary.queryPid);
  let total = 0;
  for (let d = 0; d < drafts; d++) total += (await importDraft(plenary, longSeed(paragraphs))).document.paragraphs.length;
  const after = heapMB(plenary.queryPid);
  const perThousand = (after - before) / total * 1000;
  console.log(`\nBENCH folded drafts: ${drafts} drafts, ${total} paragraphs in all: the query side's live heap went from `
    + `${before.toFixed(0)} to ${after.toFixed(0)} MB, ${perThousand.toFixed(2)} MB per 1,000 folded paragraphs; `
    + `the default bound (plenary.query.folded-paragraphs=20000) is then about ${(perThousand * 20).toFixed(0)} MB`);
}

/** The JVM's live heap, from a full collection (jcmd GC.class_histogram), with the subscribers still connected. */
function liveHeap(pid) {
  try {
    const histogram = execFileSync('jcmd', [String(pid), 'GC.class_histogram'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const total = /Total\s+(\d+)\s+(\d+)/.exec(histogram);
    return `Plenary's heap (the query side's JVM): ${(Number(total[2]) / 1048576).toFixed(0)} MB live after a full collection (${process.env.PLENARY_JVM ?? '-Xmx512m'})`;
  } catch (e) {
    return `Plenary's heap: jcmd failed (${e.message.split('\n')[0]})`;
  }
}
