// The fence rules Biome cannot express (scripts/check-fence.mjs) catch what they are for and accept what is allowed.
import { join } from 'node:path';
import { fenceProblems } from '../../scripts/check-fence';

const ROOT = join(__dirname, '..', '..');

describe('check-fence', () => {
  it('refuses a value import from src/server in a sidebar, accepts type-only ones', () => {
    const file = join(ROOT, 'src/client/x/main.ts');
    expect(fenceProblems(file, "import { call } from '../../server/api';")).toHaveLength(1);
    expect(fenceProblems(file, "import type { A } from '../../server/api';")).toEqual([]);
    expect(fenceProblems(file, "import { type A, type B } from '../../server/api';")).toEqual([]);
    expect(fenceProblems(file, "import { el } from '../core/dom';")).toEqual([]);
  });

  it('refuses links, sources, markup and windows made outside core/links.ts', () => {
    const page = join(ROOT, 'src/client/x/main.ts');
    for (const bad of [
      "el('a', { href: r.link }, r.bu)",
      "el('img', { 'src': url })",
      'a.href = url;',
      'box.innerHTML = html;',
      "node.insertAdjacentHTML('beforeend', x)",
      "window.open(url, '_blank')",
      "const u = 'javascript:void 0'",
    ])
      expect([bad, fenceProblems(page, bad)]).toEqual([bad, [expect.stringMatching(/core\/links\.ts/)]]);
    expect(fenceProblems(page, 'link(r.link, r.bu, { title: r.sha256 })')).toEqual([]);
    expect(fenceProblems(page, 'if (a.href === b) x()')).toEqual([]);
    expect(fenceProblems(join(ROOT, 'src/client/core/links.ts'), "a.setAttribute('href', href); window.open(url)")).toEqual([]);
  });

  it('lets a sidebar share the catalogue and the formats by value, and nothing else of the server core', () => {
    const file = join(ROOT, 'src/client/x/main.ts');
    expect(fenceProblems(file, "import { t } from '../../server/core/text';")).toEqual([]);
    expect(fenceProblems(file, "import { formatRupiah } from '../../server/core/format';")).toEqual([]);
    expect(fenceProblems(file, "import { AppError } from '../../server/core/errors';")).toHaveLength(1);
    expect(fenceProblems(file, "import { dashboard } from '../../server/budget/dashboard';")).toHaveLength(1);
  });

  it('refuses the emulator in a sidebar', () => {
    expect(fenceProblems(join(ROOT, 'src/client/x/main.ts'), "import { x } from '../../local/runtime/env';")).toHaveLength(1);
  });

  it('refuses Apps Script types in server code outside platform/ and main.ts', () => {
    const src = 'export const f = (s: GoogleAppsScript.Spreadsheet.Sheet) => s;';
    expect(fenceProblems(join(ROOT, 'src/server/budget/x.ts'), src)).toHaveLength(1);
    expect(fenceProblems(join(ROOT, 'src/server/platform/x.ts'), src)).toEqual([]);
    expect(fenceProblems(join(ROOT, 'src/server/main.ts'), src)).toEqual([]);
  });
});
