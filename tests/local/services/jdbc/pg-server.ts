// Test helper: a throwaway PostgreSQL server (Debian's binaries) in a temp dir on a free loopback port, or null to skip.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PgServer {
  url: string;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder (/usr/lib/postgresql/<v>/bin), or null. */
export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function uidOf(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Starts a server with user/password datadesk/datadesk and database datadesk; null (with why) when impossible. */
export async function startPgServer(): Promise<PgServer | { skip: string }> {
  const bin = pgBinDir();
  if (!bin) return { skip: 'no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  const root = userInfo().uid === 0;
  const owner = root ? uidOf('postgres') : null;
  if (root && !owner) return { skip: 'running as root and no "postgres" user to run the server as' };
  const dir = mkdtempSync(join(tmpdir(), 'dd-pg-'));
  const data = join(dir, 'data');
  const pw = join(dir, 'pw');
  writeFileSync(pw, 'datadesk\n');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pw, owner.uid, owner.gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    if (root) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  const port = await freePort();
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'datadesk',
      `--pwfile=${pw}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    run('createdb', ['-h', dir, '-p', String(port), '-U', 'datadesk', 'datadesk']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    return { skip: `could not start PostgreSQL: ${err.stderr?.toString() || err.message}` };
  }
  return {
    url: `postgres://datadesk:datadesk@127.0.0.1:${port}/datadesk`,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
