// The embedded PostgreSQL's thread reports what it waited for a core, so a busy host does not make statements look
// slower than they are (the runtime charges a measured Jdbc call without that wait).
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PgliteHost } from '../../../../src/local/services/jdbc/pglite-host';
import { helperThreadWait } from '../../../../src/local/runtime/thread-share';

jest.setTimeout(120_000);

const SLOW = 'SELECT count(*) AS n FROM generate_series(1, 2000000) g WHERE g % 7 = 3';

it('a statement run while every core is busy reports the time its thread waited, and no more than it took', async () => {
  if (process.platform !== 'linux') return;
  const db = new PgliteHost(mkdtempSync(join(tmpdir(), 'dd-hostload-')));
  await db.types();
  // more busy threads than cores: the database's thread must queue for a core
  const hogs = Array.from(
    { length: cpus().length + 1 },
    () => new Worker('const end = Date.now() + 20000; while (Date.now() < end) {}', { eval: true }),
  );
  try {
    const before = helperThreadWait.ms;
    const t0 = performance.now();
    const r = await db.query(SLOW);
    const elapsed = performance.now() - t0;
    const waited = helperThreadWait.ms - before;
    expect(Number((r.rows[0] as { n: unknown }).n)).toBe(285_714);
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(elapsed);
  } finally {
    await Promise.all(hogs.map((h) => h.terminate()));
    await db.close();
  }
});
