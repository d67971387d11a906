// `npm test`: installs the system packages the tests need, type-checks, lints (Biome: rules, fence, formatting; the
// fence rules Biome lacks; knip: unused files and exports), builds, then runs every jest tier.
import { spawnSync } from 'node:child_process';

function step(name, cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`test: ${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`test: ${name} ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

step('system packages', 'bash', ['scripts/setup-system.sh']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('build', 'node', ['scripts/build.mjs']);
step('jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)]);
