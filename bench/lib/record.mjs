// Rebuild and history, measured from outside: how fast the read models come back from the event store, and how
// fast the text at any version of a long history is served.
import ShareDB from 'sharedb/lib/client/index.js';
import WebSocket from 'ws';
import { figure, Machine } from './machine.mjs';
import { importDraft, longSeed, SEED } from './plenary.mjs';
import { readFileSync } from 'node:fs';

const now = () => Number(process.hrtime.bigint());
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** `events` commands on a draft by one delegation: bracket words in a paragraph, withdraw the bracket, again. */
async function history(plenary, draftId, paragraphId, quote, events) {
  let bracket, version;
  for (let i = 0; i < events; i++) {
    const r = i % 2 === 0
      ? await plenary.command(`/api/drafts/${draftId}/paragraphs/${paragraphId}/brackets`, 'kaz',
        { quote, alternatives: [`${quote} ${i}`] })
      : await plenary.command(`/api/drafts/${draftId}/brackets/${bracket}/withdraw`, 'kaz');
    if (r.status >= 300) throw new Error(`command ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    if (i % 2 === 0) bracket = r.body.bracketId;
    version = r.body.version;
  }
  return version;
}

async function seeded(plenary, paragraphs = 13) {
  const text = paragraphs > 13 ? longSeed(paragraphs) : readFileSync(SEED, 'utf8');
  const { draftId, version, document } = await importDraft(plenary, text);
  const paragraph = document.paragraphs.find(p => p.text.includes('manage borders'));
  return { draftId, version, paragraphId: paragraph.paragraphId, quote: 'manage borders' };
}

/** The machine's processes while Plenary works: its JVM and the PostgreSQL backends serving its database. */
async function measuring(plenary) {
  const backends = await plenary.db.backends();
  return new Machine(() => ({ plenary: [plenary.pid], postgres: backends }));
}

/**
 * Replays the whole store into the read models (POST /api/admin/rebuild) over `drafts` drafts of `events` each,
 * `runs` times, while an auditor reads the list of drafts and one draft as fast as it can: it must never see a draft
 * vanish or go back.
 */
export async function rebuild(plenary, opts) {
  const drafts = [];
  for (let d = 0; d < opts.drafts; d++) drafts.push(await seeded(plenary, opts.paragraphs));
  let total = drafts.reduce((n, d) => n + d.version, 0);
  for (let start = 0; start < drafts.length; start += opts.writers) {
    const batch = drafts.slice(start, start + opts.writers);
    const versions = await Promise.all(batch.map(d => history(plenary, d.draftId, d.paragraphId, d.quote, opts.events)));
    versions.forEach((v, i) => { batch[i].head = v; });
    total += versions.reduce((n, v, i) => n + v - batch[i].version, 0);
  }
  const last = drafts[drafts.length - 1];
  while ((await plenary.query(`/api/drafts/${last.draftId}`)).body.version < last.head) await sleep(200);
  await sleep(2000);
  await rebuilds(plenary, drafts, total, opts);
}

/** Rebuilds `opts.runs` times, timing each from outside while an auditor reads, who must never see a draft vanish. */
async function rebuilds(plenary, drafts, total, opts) {
  const last = drafts[drafts.length - 1];
  for (let run = 1; run <= opts.runs; run++) {
    const machine = await measuring(plenary);
    const started = now();
    const r = await plenary.request('POST', '/api/admin/rebuild', 'secretariat');
    if (r.status !== 202) throw new Error(`rebuild: ${r.status} ${JSON.stringify(r.body)}`);
    let reading = true, reads = 0;
    const wrong = [];
    const reader = (async () => {
      while (reading) {
        const listed = (await plenary.query('/api/drafts')).body;
        const versions = new Map(listed.map(d => [d.draftId, d.version]));
        for (const d of drafts) {
          const v = versions.get(d.draftId);
          if (v === undefined) wrong.push(`${d.draftId} vanished`);
          else if (v < d.head) wrong.push(`${d.draftId} at ${v}, not ${d.head}`);
        }
        const one = await plenary.query(`/api/drafts/${last.draftId}?version=${1 + (reads % last.head)}`);
        if (one.status !== 200) wrong.push(`${last.draftId} version ${1 + (reads % last.head)}: ${one.status}`);
        reads++;
      }
    })();
    let progress;
    do {
      await sleep(20);
      progress = (await plenary.query('/api/admin/rebuild', 'secretariat')).body;
    } while (progress.state === 'REBUILDING');
    const seconds = (now() - started) / 1e9;
    reading = false;
    await reader;
    if (progress.state !== 'DONE') throw new Error(`rebuild: ${JSON.stringify(progress)}`);
    console.log(`\nBENCH rebuild ${run}/${opts.runs}: ${progress.events} events over ${drafts.length} drafts of `
      + `${opts.paragraphs} paragraphs (${total} recorded), ${Math.round(progress.eventsPerSecond)} events/s as Plenary `
      + `counts it, ${(progress.events / seconds).toFixed(0)} events/s from POST until DONE seen (${seconds.toFixed(2)} s)`);
    console.log(`BENCH   an auditor read meanwhile ${reads} times (the list, and a past version): `
      + `${wrong.length === 0 ? 'no draft vanished or went back' : wrong.length + ' wrong: ' + wrong.slice(0, 5).join('; ')}`);
    console.log(`BENCH   ${machine.report()}`);
    const timing = plenary.log().match(/rebuild aside: [^\n]*/g);
    if (timing) console.log(`BENCH   where its time went, as Plenary logs it: ${timing[timing.length - 1]}`);
    if (wrong.length) process.exitCode = 1;
  }
}

/** The text at random versions of one long draft, one request at a time; ShareDB's fetchSnapshot the same way. */
export async function past(plenary, sharedb, opts) {
  const d = await seeded(plenary, opts.paragraphs);
  const head = await history(plenary, d.draftId, d.paragraphId, d.quote, opts.events);
  for (;;) {
    if ((await plenary.query(`/api/drafts/${d.draftId}`)).body.version >= head) break;
    await sleep(200);
  }
  const versions = Array.from({ length: opts.samples }, () => 1 + Math.floor(Math.random() * head));
  // the worst case: the last version before a snapshot (one every 100 by default), the most events folded again
  const worst = Array.from({ length: opts.samples }, () => 99 + 100 * Math.floor(Math.random() * Math.floor(head / 100)));
  const timed = async list => {
    const samples = [];
    for (const v of list) {
      const t = now();
      const r = await plenary.query(`/api/drafts/${d.draftId}?version=${v}`);
      samples.push(now() - t);
      if (r.status !== 200 || r.body.version !== v) throw new Error(`version ${v}: ${r.status}`);
    }
    return samples;
  };
  await timed(versions.slice(0, Math.min(50, versions.length))); // the JIT and the caches warm, as in a running service
  let machine = await measuring(plenary);
  const samples = await timed(versions);
  console.log(`\nBENCH history: GET /api/drafts/{d}?version=N at ${opts.samples} random versions of a ${head}-event draft `
    + `of ${opts.paragraphs} paragraphs`);
  console.log(`BENCH ${machine.report()}`);
  figure('Plenary: the document at a random version', samples);
  machine = await measuring(plenary);
  const worstSamples = await timed(worst);
  console.log(`BENCH ${machine.report()}`);
  figure('Plenary: at a version 99 events past a snapshot', worstSamples);
  // what the in-JVM HistoryBench measured besides: the whole draft's diff, and verifying its record
  const whole = async (path, runs, check) => {
    const samples = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = now();
      const r = await plenary.query(path);
      if (i >= 2) samples.push(now() - t); // two to warm up
      if (r.status !== 200 || !check(r.body)) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    return samples;
  };
  machine = await measuring(plenary);
  const diffs = await whole(`/api/drafts/${d.draftId}/diff?from=1&to=${head}`, 10, body => Array.isArray(body.paragraphs));
  console.log(`BENCH ${machine.report()}`);
  figure(`Plenary: the diff from version 1 to ${head}`, diffs);
  machine = await measuring(plenary);
  const verified = await whole(`/api/drafts/${d.draftId}/verify`, 10, body => body.intact && body.events === head);
  console.log(`BENCH ${machine.report()}`);
  figure(`Plenary: /verify, ${head} events (chain, tree, checkpoints, copy)`, verified);
  if (opts.rebuilds > 0) {
    // the same long draft rebuilt: issue 12's "one 10,000-event draft"
    d.head = head;
    await rebuilds(plenary, [d], head, { runs: opts.rebuilds, paragraphs: opts.paragraphs });
  }
  if (!sharedb) return;
  const connection = new ShareDB.Connection(new WebSocket(`ws://127.0.0.1:${sharedb.port}`));
  const doc = connection.get('drafts', `history${Date.now()}`);
  await new Promise((res, rej) => doc.create({ paras: Array.from({ length: 40 }, (_, k) => `Paragraph ${k} `.padEnd(160, 'x')) }, e => e ? rej(e) : res()));
  for (let i = 0; i < opts.events; i++) {
    const k = i % 40;
    const old = doc.data.paras[k];
    await new Promise((res, rej) => doc.submitOp([{ p: ['paras', k], ld: old, li: old.slice(0, -7) + String(i).padStart(7, '0') }], e => e ? rej(e) : res()));
  }
  const sharedbBackends = await sharedb.db.backends();
  machine = new Machine(() => ({ sharedb: [sharedb.pid], postgres: sharedbBackends }));
  const shared = [];
  for (const v of versions) {
    const t = now();
    await new Promise((res, rej) => connection.fetchSnapshot('drafts', doc.id, Math.min(v, doc.version), e => e ? rej(e) : res()));
    shared.push(now() - t);
  }
  console.log(`BENCH ShareDB fetchSnapshot at the same versions of a ${doc.version}-op json0 document; ${machine.report()}`);
  figure('ShareDB: the snapshot at a version', shared);
  connection.close();
}
