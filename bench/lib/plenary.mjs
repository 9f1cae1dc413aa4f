// Plenary as a user runs it: the local-mode jar in its own JVM, on a fresh database, driven over HTTP and STOMP.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, PG } from './db.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED = join(ROOT, 'text/src/test/resources/corpus/almaty-process-communique-2013.md');
export const DELEGATIONS = ['kaz', 'kgz', 'tjk', 'tkm', 'afg', 'aze', 'irn', 'pak', 'tur'];
export const ACCOUNTS = [...DELEGATIONS, 'chair', 'secretariat', 'auditor'];

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request; resolves {status, body (parsed JSON when it is JSON)}. */
export function request(port, method, path, user, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request({
      host: '127.0.0.1', port, method, path, agent,
      headers: {
        authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64'),
        ...(data === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(data) }),
      },
    }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = text;
        if ((res.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
        resolve({ status: res.statusCode, body: parsed, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

/**
 * Starts the local-mode jar (build it first: mvn -q -B -DskipTests package) on a fresh database and free ports.
 * PLENARY_JVM sets its JVM options (default -Xmx512m, the heap issue 12 allows the query side).
 */
/** A port nobody listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * With `split`, the two sides run as two JVMs (the jar's `node command|query` mode, as the split deployment runs
 * them), each with the JVM options, so that each side's CPU and the query side's heap are its own;
 * PLENARY_QUERY_JVM, if set, overrides the query side's options (a profiler, say).
 */
export async function startPlenary({ jvm, split = false } = {}) {
  const commandPort = await freePort();
  const queryPort = await freePort();
  const jar = join(ROOT, 'local/target/plenary-local.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run mvn -q -B -DskipTests package first`);
  const db = await freshDatabase('bench_plenary');
  const options = (jvm ?? process.env.PLENARY_JVM ?? '-Xmx512m').split(' ').filter(Boolean);
  const env = {
    ...process.env, PLENARY_DB_URL: db.jdbc, PLENARY_DB_USER: PG.user, PLENARY_DB_PASSWORD: PG.password,
    PLENARY_COMMAND_PORT: String(commandPort), PLENARY_QUERY_PORT: String(queryPort), PLENARY_DEMO: 'false',
    ...(split ? { PLENARY_TOKEN_KEY: randomBytes(32).toString('base64') } : {}),
  };
  let log = '';
  const jvms = [];
  const launch = (name, args, jvmOptions = options) => {
    const child = spawn('java', [...jvmOptions, '-jar', jar, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', d => { log = (log + d).slice(-20000); });
    child.stderr.on('data', d => { log = (log + d).slice(-20000); });
    const exited = new Promise(resolve => child.on('exit', resolve));
    jvms.push({ name, child, exited });
    return child;
  };
  const ready = async (probe) => {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const gone = jvms.find(j => j.child.exitCode !== null);
      if (gone) throw new Error(`Plenary (${gone.name}) exited while starting:\n` + log);
      if (Date.now() > deadline) { jvms.forEach(j => j.child.kill()); throw new Error('Plenary did not start in 3 min:\n' + log); }
      try {
        if (await probe()) return;
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 500));
    }
  };
  const commandUp = async () => (await request(commandPort, 'GET', '/v3/api-docs', 'secretariat')).status === 200;
  const queryUp = async () => (await request(queryPort, 'GET', '/api/drafts', 'auditor')).status === 200;
  if (split) {
    // the command side first: on a fresh database it migrates, and makes the record key
    launch('plenary command', ['node', 'command', '1', String(commandPort)]);
    await ready(commandUp);
    const queryJvm = process.env.PLENARY_QUERY_JVM ? process.env.PLENARY_QUERY_JVM.split(' ').filter(Boolean) : options;
    launch('plenary query', ['node', 'query', '1', String(queryPort),
      `--plenary.identity.command-url=http://127.0.0.1:${commandPort}`], queryJvm);
    await ready(queryUp);
  } else {
    launch('plenary', []);
    await ready(async () => await queryUp() && await commandUp());
  }
  const query = jvms[jvms.length - 1].child;
  return {
    pid: query.pid, commandPort, queryPort, db,
    /** The query side's JVM (the only one unless split). */
    queryPid: query.pid,
    /** Name to pid list, for the CPU each used. */
    pids: () => Object.fromEntries(jvms.map(j => [j.name, [j.child.pid]])),
    log: () => log,
    command: (path, user, body) => request(commandPort, 'POST', path, user, body),
    query: (path, user = 'auditor') => request(queryPort, 'GET', path, user),
    request: (method, path, user, body) => request(queryPort, method, path, user, body),
    async stop() {
      // the query side first, then the command side
      for (const j of [...jvms].reverse()) {
        j.child.kill('SIGTERM');
        const timer = setTimeout(() => j.child.kill('SIGKILL'), 20_000);
        await j.exited;
        clearTimeout(timer);
      }
      await db.drop().catch(() => {});
    },
  };
}

/** The seed with operative paragraphs added until it has about `paragraphs` paragraphs (13 adds none). */
export function longSeed(paragraphs) {
  let text = readFileSync(SEED, 'utf8').trimEnd();
  for (let n = 3; n <= paragraphs - 11; n++) {
    text += `\n\n${n}. The Parties shall cooperate on matter ${n} in good faith, taking into account `
      + `[national circumstances][respective capabilities] and the need for [adequate [and predictable]] support;`;
  }
  return text + '\n';
}

/** Imports `markdown` as a draft, admits the nine delegations, and waits until the query side has it all. */
export async function importDraft(plenary, markdown) {
  const imported = await request(plenary.commandPort, 'POST', '/api/drafts/import', 'secretariat', markdown, 'text/markdown');
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body)}`);
  const draft = imported.body.draftId;
  let version = imported.body.version;
  for (const code of DELEGATIONS) {
    const r = await plenary.command(`/api/drafts/${draft}/delegations`, 'secretariat',
      { code, name: `the delegation of ${code.toUpperCase()}`, participation: 'CONFIRMED' });
    if (r.status !== 200) throw new Error(`admit ${code}: ${r.status} ${JSON.stringify(r.body)}`);
    version = r.body.version;
  }
  for (;;) {
    const r = await plenary.query(`/api/drafts/${draft}`);
    if (r.status === 200 && r.body.version >= version) return { draftId: draft, version, document: r.body };
    await new Promise(res => setTimeout(res, 100));
  }
}
