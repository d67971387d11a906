// The fence rules Biome cannot express (README "The skeleton"): src/client imports only types from src/server (values
// only from the code both sides share: the text catalogue src/server/core/text/ and src/server/core/format.ts) and
// nothing from src/local, and makes links, file views and markup only through core/links.ts and core/dom.ts; Apps
// Script's types (GoogleAppsScript.*) appear in src/server only in platform/ and main.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every static or dynamic import/export-from in a file: its specifier, whether it is type-only, its line. */
export function importsOf(src: string): Array<{ spec: string; typeOnly: boolean; line: number }> {
  const out: Array<{ spec: string; typeOnly: boolean; line: number }> = [];
  const re =
    /\b(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;
  for (const m of src.matchAll(re)) {
    const line = src.slice(0, m.index ?? 0).split('\n').length;
    if (m[4]) {
      // `import { type A, type B } from` is type-only too.
      const names = /^\{([^}]*)\}$/.exec(m[3].trim());
      const allTyped = !!names && names[1].split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()));
      out.push({ spec: m[4], typeOnly: !!m[2] || allTyped, line });
    } else out.push({ spec: m[5] ?? m[6], typeOnly: false, line });
  }
  return out;
}

const inside = (file: string, dir: string) => file.startsWith(join(root, dir) + sep);

/** Ways a page could turn data into a link, a source, markup or a new window without core/links.ts's checks. */
const UNCHECKED_DOM =
  /\b(href|src|srcdoc|formaction)\s*:|['"](href|src|srcdoc|formaction)['"]\s*[:,]|\.(href|src|srcdoc)\s*=[^=]|\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|window\.open\s*\(|\bjavascript:/;
const DOM_CORE = [join('src', 'client', 'core', 'links.ts'), join('src', 'client', 'core', 'dom.ts')];

/** Server modules the sidebars share by value: the catalogue with its `t`, and the formats. */
function sharedWithClient(target: string): boolean {
  const text = join(root, 'src', 'server', 'core', 'text');
  return (
    target === text ||
    inside(target + '.ts', join('src', 'server', 'core', 'text')) ||
    target === join(root, 'src', 'server', 'core', 'format')
  );
}

/** The fence problems of one file, as "path:line message". */
export function fenceProblems(file: string, src: string): string[] {
  const rel = relative(root, file);
  const problems: string[] = [];
  if (inside(file, 'src/client')) {
    for (const imp of importsOf(src)) {
      if (!imp.spec.startsWith('.')) continue;
      const target = resolve(dirname(file), imp.spec);
      if (inside(target + '.ts', 'src/server') && !imp.typeOnly && !sharedWithClient(target)) {
        problems.push(`${rel}:${imp.line} src/client imports a value from src/server ('${imp.spec}'); use \`import type\``);
      }
      if (inside(target + '.ts', 'src/local'))
        problems.push(`${rel}:${imp.line} src/client imports the emulator ('${imp.spec}')`);
    }
    if (!DOM_CORE.includes(rel)) {
      src.split('\n').forEach((text, i) => {
        if (UNCHECKED_DOM.test(text.replace(/\/\/.*$/, '')))
          problems.push(`${rel}:${i + 1} links, sources and markup go through src/client/core/links.ts (link, filePreview)`);
      });
    }
  }
  if (inside(file, 'src/server') && !inside(file, 'src/server/platform') && rel !== join('src', 'server', 'main.ts')) {
    src.split('\n').forEach((text, i) => {
      if (/\bGoogleAppsScript\./.test(text.replace(/\/\/.*$/, ''))) {
        problems.push(`${rel}:${i + 1} Apps Script types belong to src/server/platform/ (domain code sees plain data)`);
      }
    });
  }
  return problems;
}

if (require.main === module) {
  const files = [...walk(join(root, 'src/client')), ...walk(join(root, 'src/server'))];
  const problems = files.flatMap((f) => fenceProblems(f, readFileSync(f, 'utf8')));
  for (const p of problems) console.error(p);
  console.log(`check-fence: ${files.length} files, ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}
