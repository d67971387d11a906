// `datadesk seed [--force]`: loads the demo data (the "DataDesk Demo" spreadsheet, roles, every capability's data).
import type { Runtime } from '../runtime/runtime';
import { readDemoState, seedDemo } from '../demo/index';

export async function seedCommand(rt: Runtime, _args: string[], flags: Record<string, string | true>): Promise<number> {
  const existing = readDemoState(rt);
  if (existing && !flags.force) {
    console.log(
      `seed: already seeded at ${existing.seededAt} (spreadsheet ${existing.documentId}); use --force to seed again or \`datadesk reset\` first`,
    );
    return 0;
  }
  const t0 = Date.now();
  const st = await seedDemo(rt, (l) => console.log(l));
  console.log(`seed: "DataDesk Demo" ${st.documentId} in ${Date.now() - t0} ms`);
  for (const u of st.users) console.log(`  ${u.email.padEnd(36)} ${u.role} (${u.capability})`);
  for (const n of st.notes) console.log(`  note: ${n}`);
  const failed = Object.entries(st.seeders).filter(([, v]) => v !== 'ok');
  for (const [name, err] of failed) console.error(`seed: ${name} failed: ${err}`);
  return failed.length ? 1 : 0;
}
