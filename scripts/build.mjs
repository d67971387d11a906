// Builds DataDesk: build/Code.js (the Apps Script bundle with global entry points), one self-contained
// build/<name>.html per sidebar or dialog, appsscript.json, and the offline runtime under build/local/.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, statSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const only = process.argv[2]; // optional: 'server' | 'client' | 'local'

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Finds `export function name(params)` with its JSDoc in the server sources, for the global stubs. */
function exportedFunctions() {
  const found = new Map();
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export function (\w+)\s*(?:<[^>]*>)?\(([^)]*)\)/g;
  for (const file of walk(join(root, 'src/server')).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(re)) {
      const params = m[3]
        .split(',')
        .map((p) =>
          p
            .trim()
            .replace(/^\.\.\./, '')
            .split(/[?:=]/)[0]
            .trim(),
        )
        .filter(Boolean);
      if (!found.has(m[2])) found.set(m[2], { doc: (m[1] ?? '').trim(), params });
    }
  }
  return found;
}

async function buildServer() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/server/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'DataDesk',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'inline',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const text = result.outputFiles[0].text;
  // The IIFE's metafile lists no exports; an ESM pass of the same entry names them.
  const esm = await esbuild.build({
    entryPoints: [join(root, 'src/server/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const exportsList = Object.values(esm.metafile.outputs)[0].exports ?? [];
  const fns = exportedFunctions();
  // Apps Script only sees top-level function declarations: one stub per exported function. Each checks its
  // arguments at the boundary first (main.ts rpcArgs_: the RPC table's shapes; other globals pass through). A name
  // ending in _ is private in Apps Script (google.script.run cannot call it).
  const stubs = exportsList
    .filter((name) => fns.has(name))
    .sort()
    .map((name) => {
      const { doc, params } = fns.get(name);
      const list = params.join(', ');
      const check = name.endsWith('_') ? '' : `  DataDesk.rpcArgs_('${name}', arguments);\n`;
      return `${doc ? doc + '\n' : ''}function ${name}(${list}) {\n${check}  return DataDesk.${name}.apply(this, arguments);\n}\n`;
    });
  const banner = '// DataDesk — built by scripts/build.mjs. Do not edit: edit src/server and run npm run build.\n';
  writeFileSync(join(out, 'Code.js'), banner + text.replace(/^var DataDesk =/m, 'var DataDesk =') + '\n' + stubs.join('\n'));
  copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
  // What each input takes of Code.js (the benchmark reports pdf-lib's share); not uploaded (.claspignore).
  mkdirSync(join(out, 'local'), { recursive: true });
  writeFileSync(join(out, 'local', 'code-meta.json'), JSON.stringify(result.metafile));
  return stubs.length;
}

/**
 * pdf-lib (three quarters of the code otherwise) as build/pdflib.html: an Apps Script project file that is not script,
 * so no execution loads it at start-up; the executions that render a PDF read and evaluate it (platform/code.ts).
 * Minified: it is vendored code, read by no one in the editor, and every KB costs its execution load time.
 */
async function buildPdfLib() {
  const r = await esbuild.build({
    entryPoints: [join(root, 'src/server/vendor/pdf-lib.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'DataDeskPdfLib',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'inline',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  // The file is one expression statement, so evaluating it gives the module (an eval's completion value) and defines
  // nothing global (strict-mode code cannot add globals through eval anyway).
  const head = /^("use strict";)var DataDeskPdfLib\s*=\s*/;
  if (!head.test(r.outputFiles[0].text)) throw new Error('build: unexpected start of the pdf-lib bundle');
  const js = r.outputFiles[0].text.replace(head, '$1');
  writeFileSync(join(out, 'pdflib.html'), js);
  return js.length;
}

async function buildClient() {
  const clientDir = join(root, 'src/client');
  const coreCss = existsSync(join(clientDir, 'core/style.css')) ? readFileSync(join(clientDir, 'core/style.css'), 'utf8') : '';
  const names = readdirSync(clientDir).filter((d) => existsSync(join(clientDir, d, 'index.html')));
  for (const name of names) {
    const dir = join(clientDir, name);
    const js = await esbuild.build({
      entryPoints: [join(dir, 'main.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      minify: true,
      write: false,
      logLevel: 'warning',
    });
    const css = coreCss + (existsSync(join(dir, 'style.css')) ? readFileSync(join(dir, 'style.css'), 'utf8') : '');
    const body = readFileSync(join(dir, 'index.html'), 'utf8');
    const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    // The page's "Bantuan" guide in both languages (docs/guides/<page>.<lang>.md), read by src/client/core/help.ts.
    const guide = Object.fromEntries(
      ['id', 'en']
        .map((l) => [l, join(root, 'docs/guides', `${name}.${l}.md`)])
        .filter(([, f]) => existsSync(f))
        .map(([l, f]) => [l, readFileSync(f, 'utf8')]),
    );
    const guideTag = Object.keys(guide).length
      ? `<script type="application/json" id="dd-guide">${JSON.stringify(guide).replace(/</g, '\\u003c')}</script>\n`
      : '';
    const html = `<!DOCTYPE html>\n<html lang="id">\n<head>\n<base target="_top">\n<meta charset="utf-8">\n<style>${css}</style>\n</head>\n<body>\n${body}\n${guideTag}<script>${script}</script>\n</body>\n</html>\n`;
    writeFileSync(join(out, `${name}.html`), html);
  }
  return names.length;
}

async function buildLocal() {
  const localOut = join(out, 'local');
  mkdirSync(localOut, { recursive: true });
  const nodeEntries = {
    worker: 'src/local/runtime/worker.ts',
    cli: 'src/local/cli/main.ts',
    workbench: 'src/local/workbench/server.ts',
  };
  const entryPoints = Object.fromEntries(
    Object.entries(nodeEntries)
      .filter(([, p]) => existsSync(join(root, p)))
      .map(([k, p]) => [k, join(root, p)]),
  );
  await esbuild.build({
    entryPoints,
    outdir: localOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const page = join(root, 'src/local/workbench/page/main.ts');
  if (existsSync(page)) {
    await esbuild.build({
      entryPoints: { 'workbench-page': page },
      outdir: localOut,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      // The grid's font inlined (woff2, what every current browser takes; the woff fallbacks are left out).
      loader: { '.css': 'css', '.woff2': 'dataurl', '.woff': 'empty' },
      logLevel: 'warning',
    });
  }
  return Object.keys(entryPoints).length;
}

mkdirSync(out, { recursive: true });
const t0 = Date.now();
const parts = [];
if (!only || only === 'server') {
  parts.push(`Code.js with ${await buildServer()} entry points`);
  parts.push(`pdflib.html of ${Math.round((await buildPdfLib()) / 1024)} KB`);
}
if (!only || only === 'client') parts.push(`${await buildClient()} html files`);
if (!only || only === 'local') parts.push(`${await buildLocal()} runtime bundles`);
console.log(`build: ${parts.join(', ')} in ${Date.now() - t0} ms`);
