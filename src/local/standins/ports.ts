// Where one state folder's stand-ins listen: each workbench takes free ports of its own, remembers them in
// <state>/standins.json so the URLs seeded into script properties and sheets stay valid across restarts, and moves
// those URLs when a remembered port is taken by another program.
import { createServer } from 'node:net';
import type { RuntimeEnv } from '../runtime/env';
import { propertiesStore } from '../services/properties/index';
import { getSpreadsheetStore } from '../services/spreadsheet/store';

export type StandinName = 'webhooks' | 'gemini' | 'xendit';

export type StandinUrls = Partial<Record<StandinName, string>>;

/** The runtime setting that points each stand-in's clients at it (tests and real endpoints set these). */
export const STANDIN_SETTING: Record<StandinName, string> = {
  webhooks: 'webhooksUrl',
  gemini: 'geminiUrl',
  xendit: 'xenditUrl',
};

const FILE = 'standins.json';

/** The fixed ports every workbench used before ports were remembered: a state folder seeded then (it has demo.json
 * but no standins.json) has these URLs in its settings. */
const LEGACY_PORTS: Record<StandinName, number> = { webhooks: 8765, gemini: 8766, xendit: 8767 };

const local = (port: number) => `http://127.0.0.1:${port}`;

/** The URLs this state folder's demo settings point at. */
export function rememberedUrls(env: RuntimeEnv): StandinUrls {
  const saved = env.readJson<StandinUrls | null>(FILE, null);
  if (saved) return saved;
  if (env.readJson<unknown>('demo.json', null) === null) return {};
  return { webhooks: local(LEGACY_PORTS.webhooks), gemini: local(LEGACY_PORTS.gemini), xendit: local(LEGACY_PORTS.xendit) };
}

export function rememberUrl(env: RuntimeEnv, name: StandinName, url: string): void {
  env.writeJson(FILE, { ...rememberedUrls(env), [name]: url });
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The port of a remembered local URL, or 0 (any free port). */
export function portOf(url: string | undefined): number {
  const m = url ? /^http:\/\/127\.0\.0\.1:(\d+)$/.exec(url) : null;
  return m ? Number(m[1]) : 0;
}

/**
 * Where the demo seeders point settings for a stand-in: the running one (settings), else the one this state folder
 * remembers, else a free port taken now and remembered (`datadesk seed` without a workbench; the workbench then
 * starts the stand-in there).
 */
export async function standinBase(env: RuntimeEnv, name: StandinName): Promise<string> {
  const set = env.config.settings[STANDIN_SETTING[name]];
  if (set) return set;
  const known = rememberedUrls(env)[name];
  if (known) return known;
  const url = local(await freePort());
  rememberUrl(env, name, url);
  return url;
}

/** `text` with every occurrence of the base URL `from` (as a whole host:port) replaced by `to`. */
export function replaceBase(text: string, from: string, to: string): string {
  if (!text.includes(from)) return text;
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${escaped}(?![\\d])`, 'g'), to);
}

/** The same stand-in base over https (a stand-in answers both on one port). */
const secure = (url: string) => url.replace(/^http:/, 'https:');

/**
 * Moves what the demo seeded from a stand-in's old URL to its new one, over http and https: every script, user and
 * document property and every text cell of every spreadsheet (the catalogue's picture URLs). Returns how many values
 * changed.
 */
export async function relocate(env: RuntimeEnv, from: string, to: string): Promise<number> {
  const fn = (v: string) => replaceBase(replaceBase(v, from, to), secure(from), secure(to));
  const n = propertiesStore(env).rewriteValues(fn) + getSpreadsheetStore(env).rewriteText(fn);
  await env.flush();
  return n;
}
