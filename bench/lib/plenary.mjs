// Plenary as a user runs it: the local-mode jar in its own JVM, on a fresh database, driven over HTTP and STOMP.
import { spawn } from 'node:child_process';
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

export async function startPlenary({ jvm } = {}) {
  const commandPort = await freePort();
  const queryPort = await freePort();
  const jar = join(ROOT, 'local/target/plenary-local.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run mvn -q -B -DskipTests package first`);
  const db = await freshDatabase('bench_plenary');
  const options = (jvm ?? process.env.PLENARY_JVM ?? '-Xmx512m').split(' ').filter(Boolean);
  const child = spawn('java', [...options, '-jar', jar], {
    cwd: ROOT,
    env: {
      ...process.env, PLENARY_DB_URL: db.jdbc, PLENARY_DB_USER: PG.user, PLENARY_DB_PASSWORD: PG.password,
      PLENARY_COMMAND_PORT: String(commandPort), PLENARY_QUERY_PORT: String(queryPort), PLENARY_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', d => { log = (log + d).slice(-20000); });
  child.stderr.on('data', d => { log = (log + d).slice(-20000); });
  const exited = new Promise(resolve => child.on('exit', resolve));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('Plenary exited while starting:\n' + log);
    if (Date.now() > deadline) { child.kill(); throw new Error('Plenary did not start in 3 min:\n' + log); }
    try {
      const q = await request(queryPort, 'GET', '/api/drafts', 'auditor');
      const c = await request(commandPort, 'GET', '/v3/api-docs', 'secretariat');
      if (q.status === 200 && c.status === 200) break;
    } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    pid: child.pid, commandPort, queryPort, db,
    log: () => log,
    command: (path, user, body) => request(commandPort, 'POST', path, user, body),
    query: (path, user = 'auditor') => request(queryPort, 'GET', path, user),
    request: (method, path, user, body) => request(queryPort, method, path, user, body),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
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
