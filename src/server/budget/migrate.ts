// Runs the budget migrations: idempotent, each in one transaction, safe when two admins run them at once.
import type { Db } from '../core/db';
import { MIGRATIONS, Migration } from './schema';

export interface MigrationReport {
  applied: number[];
  alreadyApplied: number[];
  current: number;
}

/** Applies every migration not yet recorded; returns what it did. */
export function runMigrations(db: Db, actor: string, now: Date, migrations: Migration[] = MIGRATIONS): MigrationReport {
  db.execute('CREATE SCHEMA IF NOT EXISTS budget');
  db.execute(
    'CREATE TABLE IF NOT EXISTS budget.schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL, applied_by text NOT NULL)',
  );
  const done = new Set(db.query('SELECT version FROM budget.schema_migrations').map((r) => Number(r.version)));
  const applied: number[] = [];
  const already: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) {
      already.push(m.version);
      continue;
    }
    const ran = db.transaction((tx) => {
      // Serialises concurrent runs; the loser sees the version recorded and skips it.
      tx.execute('LOCK TABLE budget.schema_migrations IN EXCLUSIVE MODE');
      if (tx.query('SELECT 1 AS x FROM budget.schema_migrations WHERE version = ?', [m.version]).length) return false;
      for (const s of m.statements) tx.execute(s);
      tx.execute('INSERT INTO budget.schema_migrations (version, name, applied_at, applied_by) VALUES (?, ?, ?, ?)', [
        m.version,
        m.name,
        now,
        actor,
      ]);
      return true;
    });
    (ran ? applied : already).push(m.version);
  }
  return { applied, alreadyApplied: already, current: Math.max(0, ...applied, ...already) };
}

/** The highest applied version (0 when the schema does not exist yet). */
export function schemaVersion(db: Db): number {
  const r = db.query(`SELECT CASE WHEN to_regclass('budget.schema_migrations') IS NULL THEN 0 ELSE 1 END AS present`);
  if (!Number(r[0]?.present)) return 0;
  return Number(db.query('SELECT COALESCE(MAX(version), 0) AS v FROM budget.schema_migrations')[0].v);
}
