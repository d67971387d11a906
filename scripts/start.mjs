// `npm start`: builds DataDesk, starts the workbench (runtime, stand-ins, demo data on first start) and prints its URL.
// Options: --reset (start from an empty state folder), --port N (default 8780, or $PORT), --no-seed.
// Ctrl-C stops everything cleanly; state persists in .datadesk/ (or $DATADESK_HOME).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
};

const t0 = Date.now();
const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('start: the build failed');
  process.exit(built.status ?? 1);
}

const require = createRequire(import.meta.url);
const { startWorkbench } = require(join(root, 'build', 'local', 'workbench.js'));
const port = Number(value('port') ?? process.env.PORT ?? 8780);
const opts = {
  reset: flag('reset'),
  seed: !flag('no-seed'),
  log: (l) => console.log(l),
  onListening: (url) => console.log(`workbench listening at ${url}`),
};
process.chdir(root);

let wb;
try {
  wb = await startWorkbench({ ...opts, port });
} catch (e) {
  if (e && e.code === 'EADDRINUSE') {
    console.log(`start: port ${port} is taken; using a free port`);
    wb = await startWorkbench({ ...opts, reset: false, port: 0 });
  } else throw e;
}
console.log(
  `\nDataDesk workbench ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${wb.url}\nState: ${wb.rt.env.config.stateDir}\nPress Ctrl-C to stop.`,
);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nstart: ${signal}, stopping…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await wb.stop();
  console.log('start: stopped');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
