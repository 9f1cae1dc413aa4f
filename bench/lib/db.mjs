// A fresh database per run on the machine's PostgreSQL, so that a bench never shares tables with anyone.
import pg from 'pg';

export const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PLENARY_DB_USER ?? process.env.PGUSER ?? 'postgres',
  password: process.env.PLENARY_DB_PASSWORD ?? process.env.PGPASSWORD ?? '',
};

export async function freshDatabase(prefix) {
  const name = `${prefix}_${process.pid}_${Date.now() % 1e8}`;
  const admin = new pg.Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: `postgres://${PG.user}${PG.password ? ':' + PG.password : ''}@${PG.host}:${PG.port}/${name}`,
    jdbc: `jdbc:postgresql://${PG.host}:${PG.port}/${name}`,
    /** The pids of the PostgreSQL backends serving this database now. */
    async backends() {
      const c = new pg.Client({ ...PG, database: 'postgres' });
      await c.connect();
      const r = await c.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
      await c.end();
      return r.rows.map(row => row.pid);
    },
    async drop() {
      const c = new pg.Client({ ...PG, database: 'postgres' });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
