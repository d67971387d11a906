// Writes docs/emulation/<service>.md: per emulated Apps Script service, every class and method the offline runtime
// implements, which add-on code (src/server) calls it and which tests exercise it. `--check` fails when a committed
// list is stale; tests/scripts/emulation.test.ts runs that check and refuses methods nobody calls or tests.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..');
const SERVICES = join(ROOT, 'src/local/services');
const OUT = join(ROOT, 'docs/emulation');

/** Each emulated service: the files that implement it and the Apps Script globals that reach it. */
export const EMULATED: Record<string, { files: string[]; globals: string[] }> = {
  spreadsheet: { files: ['spreadsheet/'], globals: ['SpreadsheetApp'] },
  drive: { files: ['drive/'], globals: ['DriveApp'] },
  jdbc: { files: ['jdbc/'], globals: ['Jdbc'] },
  urlfetch: { files: ['urlfetch/'], globals: ['UrlFetchApp'] },
  properties: { files: ['properties/'], globals: ['PropertiesService'] },
  cache: { files: ['cache/'], globals: ['CacheService'] },
  lock: { files: ['lock/'], globals: ['LockService'] },
  mail: { files: ['mail/'], globals: ['MailApp'] },
  script: { files: ['script/'], globals: ['ScriptApp'] },
  html: { files: ['html/'], globals: ['HtmlService'] },
  utilities: { files: ['utilities/', 'blob.ts'], globals: ['Utilities', 'DriveApp', 'UrlFetchApp'] },
  session: { files: ['session.ts'], globals: ['Session'] },
  calendar: { files: ['calendar/'], globals: ['CalendarApp', 'Calendar'] },
  content: { files: ['content/'], globals: ['ContentService'] },
};

export interface EmulatedClass {
  name: string;
  file: string;
  methods: string[];
}

/** Apps Script's own classes and their methods, read from @types/google-apps-script (interface name → methods). */
function appsScriptApi(): Map<string, Set<string>> {
  const dir = join(ROOT, 'node_modules/@types/google-apps-script');
  const api = new Map<string, Set<string>>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.d.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/^\s*interface (\w+)(?:<[^>]*>)?(?: extends [^{]*)?\s*\{/gm)) {
      const body = bodyFrom(src, (m.index ?? 0) + m[0].length - 1);
      const set = api.get(m[1]) ?? new Set<string>();
      for (const d of body.matchAll(/^\s*(\w+)\s*(?:<[^>\n]*>)?\(/gm)) set.add(d[1]);
      api.set(m[1], set);
    }
  }
  return api;
}

let API: Map<string, Set<string>> | null = null;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
}

const rel = (p: string) => relative(ROOT, p).split(sep).join('/');

/** The text of a class body: from its opening brace to the matching closing one (strings and comments are rare). */
function bodyFrom(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return src.slice(open + 1, i);
  }
  return src.slice(open + 1);
}

/** The Apps Script classes a source file emulates (classes typed against Apps Script's, or named for it). */
export function classesIn(file: string, src: string): EmulatedClass[] {
  const out: EmulatedClass[] = [];
  for (const m of src.matchAll(/^(?:export )?class (\w+)([^{]*)\{/gm)) {
    const body = bodyFrom(src, (m.index ?? 0) + m[0].length - 1);
    const gasName = /static readonly gasName(?::\s*string)?\s*=\s*'([\w.]+)'/.exec(body)?.[1];
    if (!gasName && !/GoogleAppsScript|Returning</.test(m[2])) continue;
    const name = gasName ?? m[1].replace(/(Obj|Host|Service)$/, '');
    // Only Apps Script's own methods count: helpers the emulator adds for itself are not part of the service. An
    // advanced service's collection ('Calendar.Events') has no interface in @types/google-apps-script: its public
    // methods are the REST API's.
    API ??= appsScriptApi();
    const own = API.get(name) ?? API.get(m[1]) ?? (name.includes('.') ? null : new Set<string>());
    const methods = new Set<string>();
    for (const d of body.matchAll(/^ {2}(?:async )?([a-zA-Z]\w*)\s*(?:<[^>\n]*>)?\(/gm)) {
      if (own ? own.has(d[1]) : true) methods.add(d[1]);
    }
    out.push({ name, file: rel(file), methods: [...methods].sort() });
  }
  return out;
}

/** Method names called as `.name(` in a source text (the calls script strings make count too). */
function calledNames(src: string): Set<string> {
  return new Set([...src.matchAll(/\.([a-zA-Z]\w*)\s*\(/g)].map((m) => m[1]));
}

interface Row {
  cls: string;
  method: string;
  /** Add-on files (src/server) that may call it. */
  callers: string[];
  /** The local tools' files (demo data, workbench, benchmarks) that call it in the scripts they run. */
  tools: string[];
  tests: string[];
}

/** The files under `dirs` that mention one of `globals`, with the method names they call. */
function users(dirs: string[], globals: string[], mention: (src: string, g: string) => boolean) {
  return dirs
    .flatMap((d) => walk(join(ROOT, d)))
    .map((f) => ({ f: rel(f), src: readFileSync(f, 'utf8') }))
    .filter(({ src }) => globals.some((g) => mention(src, g)))
    .map(({ f, src }) => ({ f, names: calledNames(src) }));
}

/** Every emulated method of a service with the add-on files that may call it and the tests that call it. */
export function coverage(service: string): { classes: EmulatedClass[]; rows: Row[] } {
  const spec = EMULATED[service];
  const files = walk(SERVICES).filter((f) => spec.files.some((p) => rel(f).startsWith(`src/local/services/${p}`)));
  const classes = files.flatMap((f) => classesIn(f, readFileSync(f, 'utf8'))).sort((a, b) => a.name.localeCompare(b.name));
  // Add-on code that reaches this service: the platform files naming one of its globals (only they may: the fence).
  const addOn = users(['src/server'], spec.globals, (src, g) => new RegExp(`\\b${g}\\.`).test(src));
  const tools = users(['src/local/demo', 'src/local/workbench', 'src/local/cli', 'bench'], spec.globals, (src, g) =>
    src.includes(`${g}.`),
  );
  const tests = users(['tests'], spec.globals, (src, g) => src.includes(g));
  const rows: Row[] = [];
  for (const c of classes) {
    for (const method of c.methods) {
      rows.push({
        cls: c.name,
        method,
        callers: addOn.filter((x) => x.names.has(method)).map((x) => x.f),
        tools: tools.filter((x) => x.names.has(method)).map((x) => x.f),
        tests: tests.filter((x) => x.names.has(method)).map((x) => x.f),
      });
    }
  }
  return { classes, rows };
}

/** The Markdown list of one service. */
export function render(service: string): string {
  const { rows } = coverage(service);
  const spec = EMULATED[service];
  const lines = [
    `# Emulated: ${spec.globals[0]} (${service})`,
    '',
    `Generated by \`npm run emulation\` from src/local/services/${spec.files.join(', ')}; do not edit.`,
    'Each Apps Script method the emulator implements, with the platform files that may call it (a call of that name',
    `in a file that uses ${spec.globals.join(' or ')}), the local tools that call it in the scripts they run, and the`,
    'tests that exercise it. A method nobody calls and no test exercises is removed (tests/scripts/emulation.test.ts).',
    '',
    '| class | method | called by the add-on (src/server/) | local tools | tests (tests/) |',
    '| --- | --- | --- | --- | --- |',
  ];
  const list = (xs: string[], cut: string) => xs.map((f) => f.replace(cut, '')).join(', ') || '—';
  for (const r of rows) {
    const tests = list(r.tests, 'tests/').replace(/^—$/, '**none**');
    lines.push(`| ${r.cls} | ${r.method} | ${list(r.callers, 'src/server/')} | ${list(r.tools, 'src/local/')} | ${tests} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Methods neither the add-on calls nor a test exercises: each must get a test or go. */
export function untested(service: string): string[] {
  return coverage(service)
    .rows.filter((r) => !r.callers.length && !r.tools.length && !r.tests.length)
    .map((r) => `${r.cls}.${r.method}`);
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(OUT, { recursive: true });
  for (const service of Object.keys(EMULATED)) {
    const file = join(OUT, `${service}.md`);
    const text = render(service);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.error(`emulation: ${rel(file)} is stale; run npm run emulation`);
        stale++;
      }
    } else writeFileSync(file, text);
  }
  console.log(`emulation: ${Object.keys(EMULATED).length} services ${check ? 'checked' : 'written'} to ${rel(OUT)}`);
  process.exit(stale ? 1 : 0);
}
