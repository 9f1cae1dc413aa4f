// The out-of-process benchmarks of issue 12: clients are other processes, as a deployment's are.
//   cd bench && npm install && cd .. && mvn -q -B -DskipTests package
//   node bench/run.mjs fanout [--subscribers=193 --rate=50 --changes=500 --warmup=100 --processes=4]
//   node bench/run.mjs size   (20 subscribers at 10/s, seed vs --paragraphs=500)
//   node bench/run.mjs thousand (1,000 subscribers at 10/s)
//   node bench/run.mjs lru [--drafts=10 --paragraphs=500]   (the heap that folded drafts take, per 1,000 paragraphs)
//   fanout and thousand run the two sides as two JVMs (--split=false: local mode's one JVM), so that each side's
//   CPU and the query side's heap are reported on their own
//   node bench/run.mjs rebuild [--drafts=100 --events=300 --writers=10 --paragraphs=13 --runs=3]
//       (POST /api/admin/rebuild, events/s, an auditor reading meanwhile; one long draft: --drafts=1 --events=10000)
//   node bench/run.mjs history [--events=10000 --samples=300 --paragraphs=13 --rebuilds=0]
//       (the document at random versions, and 99 events past a snapshot; the diff from version 1 to the head and
//       /verify, 10 each; ShareDB fetchSnapshot; then, with
//       --rebuilds=N, that one long draft rebuilt N times)
// Every figure is printed with the load average and the cores each process used. Only correctness fails a run.
import { fanout, foldedHeap, startShareDB } from './lib/fanout.mjs';
import { startPlenary } from './lib/plenary.mjs';
import { past, rebuild } from './lib/record.mjs';

const [scenario = 'fanout', ...rest] = process.argv.slice(2);
const args = Object.fromEntries(rest.filter(a => a.startsWith('--')).map(a => {
  const [k, v = 'true'] = a.slice(2).split('=');
  return [k, v];
}));
const num = (k, d) => (args[k] === undefined ? d : Number(args[k]));
const systems = (args.systems ?? 'plenary,sharedb').split(',');

const scenarios = {
  fanout: [{ subscribers: num('subscribers', 193), rate: num('rate', 50), changes: num('changes', 500),
    warmup: num('warmup', 100), paragraphs: num('paragraphs', 13), processes: num('processes', 4), split: true }],
  size: [13, num('paragraphs', 500)].map(paragraphs => ({ subscribers: num('subscribers', 20), rate: num('rate', 10),
    changes: num('changes', 300), warmup: num('warmup', 50), paragraphs, processes: num('processes', 2), plenaryOnly: true })),
  thousand: [{ subscribers: num('subscribers', 1000), rate: num('rate', 10), changes: num('changes', 300),
    warmup: num('warmup', 50), paragraphs: num('paragraphs', 13), processes: num('processes', 4), split: true }],
};
if (scenario === 'lru') {
  const plenary = await startPlenary({ split: true });
  try {
    await foldedHeap(plenary, { drafts: num('drafts', 10), paragraphs: num('paragraphs', 500) });
  } finally {
    await plenary.stop();
  }
  process.exit(0);
}
if (scenario === 'rebuild' || scenario === 'history') {
  const plenary = await startPlenary();
  const sharedb = scenario === 'history' && systems.includes('sharedb') ? await startShareDB() : null;
  try {
    if (scenario === 'rebuild') {
      await rebuild(plenary, { drafts: num('drafts', 100), events: num('events', 300), writers: num('writers', 10),
        paragraphs: num('paragraphs', 13), runs: num('runs', 3) });
    } else {
      await past(plenary, sharedb, { events: num('events', 10000), samples: num('samples', 300),
        paragraphs: num('paragraphs', 13), rebuilds: num('rebuilds', 0) });
    }
  } finally {
    await plenary.stop();
    await sharedb?.stop();
  }
  process.exit(process.exitCode ?? 0);
}
if (!scenarios[scenario]) {
  console.error(`unknown scenario ${scenario}: one of ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}

let plenary, sharedb, failed = false;
try {
  for (const opts of scenarios[scenario]) {
    const run = { settle: num('settle', 3000), ...opts };
    for (const kind of systems) {
      if (kind === 'sharedb' && opts.plenaryOnly) continue;
      if (kind === 'plenary') plenary ??= await startPlenary({ split: (args.split ?? String(!!opts.split)) === 'true' });
      if (kind === 'sharedb') sharedb ??= await startShareDB();
      const result = await fanout({ kind, server: kind === 'plenary' ? plenary : sharedb }, run);
      failed ||= result.lost + result.reordered + result.duplicated > 0;
    }
  }
} finally {
  await plenary?.stop();
  await sharedb?.stop();
}
process.exit(failed ? 1 : 0);
