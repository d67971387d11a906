// The language test: every text DataDesk shows comes from one catalogue that has each key in both languages with the
// same placeholders, no text mixes the languages, every menu path a text names is an item of the menu, and no
// server or sidebar code (or page markup) carries a user-facing text of its own outside the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AREAS, CATALOGUE } from '../../../src/server/core/text/catalogue';
import { LANGS, msg, render, t, TextKey, tIn, withLang } from '../../../src/server/core/text';
import { menuItems } from '../../../src/server/menu';
import { ENGLISH_ONLY, INDONESIAN_ONLY, foreignWords } from '../../support/language';

const ROOT = join(__dirname, '../../..');
const entries = Object.entries(CATALOGUE) as Array<[TextKey, { id: string; en: string }]>;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{([^{}|:]+)(?:[:|][^{}]*)?\}/g)].map((m) => m[1]))].sort();
const menuRefs = (s: string) => [...s.matchAll(/\{>([^{}]+)\}/g)].map((m) => m[1]);

describe('the catalogue', () => {
  it('has every key in both languages, non-empty, each area under its own prefix (so no key is defined twice)', () => {
    let count = 0;
    for (const [area, texts] of Object.entries(AREAS)) {
      for (const [key, v] of Object.entries(texts as Record<string, { id: string; en: string }>)) {
        count++;
        expect({ key, ok: key.startsWith(`${area}.`) || (area === 'menu' && key.startsWith('title.')) }).toEqual({
          key,
          ok: true,
        });
        expect({ key, id: typeof v.id, en: typeof v.en }).toEqual({ key, id: 'string', en: 'string' });
        expect({ key, empty: v.id.trim() === '' || v.en.trim() === '' }).toEqual({ key, empty: false });
      }
    }
    expect(Object.keys(CATALOGUE)).toHaveLength(count);
  });

  it('uses the same placeholders and menu references in both languages', () => {
    const wrong = entries
      .filter(([, v]) => placeholders(v.id).join() !== placeholders(v.en).join())
      .map(([k, v]) => `${k}: ${placeholders(v.id)} vs ${placeholders(v.en)}`);
    expect(wrong).toEqual([]);
  });

  it('never mixes the languages: no English-only word in an Indonesian text, no Indonesian-only word in an English one', () => {
    const mixed = entries.flatMap(([k, v]) =>
      LANGS.map((l) => [k, l, foreignWords(v[l], l)] as const)
        .filter(([, , w]) => w.length)
        .map(([key, l, w]) => `${key} (${l}): ${w.join(', ')}`),
    );
    expect(mixed).toEqual([]);
  });

  it('finds mixing when it is there (the detector is not blind)', () => {
    expect(foreignWords('Kirim evidence', 'id')).toEqual(['evidence']);
    expect(foreignWords('failed · 6/6 file', 'id')).toEqual(['failed']);
    expect(foreignWords('3 items approved, Pending', 'id')).toEqual(['approved', 'pending']);
    expect(foreignWords('Report saved; laporan tersimpan', 'en')).toEqual(['laporan', 'tersimpan']);
    expect(foreignWords('Bukti #12 disetujui oleh {by}.', 'id')).toEqual([]);
    expect(ENGLISH_ONLY.size).toBeGreaterThan(100);
    expect(INDONESIAN_ONLY.size).toBeGreaterThan(100);
  });

  it('renders every text in both languages with its parameters filled (no placeholder left, no unknown format)', () => {
    const sample = (name: string) => (/month/i.test(name) ? '2026-12' : /date|day|at|from|to$/i.test(name) ? '2026-12-02' : 7);
    for (const [k, v] of entries) {
      const params = Object.fromEntries(placeholders(v.id).map((p) => [p, sample(p)]));
      for (const l of LANGS) {
        const out = render(l, k, params);
        expect({ k, l, left: /\{[^{}]*\}/.test(out) }).toEqual({ k, l, left: false });
      }
    }
  });

  it('fills placeholders with formats of the language and texts of both languages', () => {
    expect(tIn('id', 'budget.ui.allocation.saved', { total: 28488600 })).toBe('Alokasi tersimpan: Rp\u00a028.488.600.');
    expect(tIn('en', 'budget.ui.allocation.saved', { total: 28488600 })).toBe('Allocation saved: Rp\u00a028,488,600.');
    expect(tIn('en', 'budget.ui.approval.allApproved', { count: 1, amount: 5000 })).toBe(
      '1 evidence item approved (Rp\u00a05,000). A mistake? Undo it under "My decisions".',
    );
    expect(tIn('en', 'budget.ui.approval.allApproved', { count: 3, amount: 5000 })).toBe(
      '3 evidence items approved (Rp\u00a05,000). A mistake? Undo it under "My decisions".',
    );
    const reason = msg('budget.status.rejected');
    expect(msg('budget.denied.notPending', { status: reason })).toEqual({
      id: 'Bukti berstatus ditolak tidak dapat dihapus; hanya yang menunggu keputusan.',
      en: 'Evidence that is rejected cannot be deleted; only evidence waiting for a decision can.',
    });
    expect(withLang('en', () => t('common.loading'))).toBe('Loading…');
    expect(t('common.loading')).toBe('Memuat…');
  });
});

describe('menu paths in texts', () => {
  const captions = menuItems()
    .filter((m) => m !== null)
    .map((m) => m!.caption);

  it('name only items of the menu DataDesk builds', () => {
    const refs = entries.flatMap(([k, v]) => menuRefs(v.id).map((r) => [k, r] as const));
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter(([, r]) => !(captions as string[]).includes(r)).map(([k, r]) => `${k} → ${r}`)).toEqual([]);
  });

  it('are written only through {>key}, never typed out (a typed path goes stale when a caption changes)', () => {
    expect(entries.filter(([, v]) => /▸/.test(v.id + v.en)).map(([k]) => k)).toEqual([]);
  });

  it('end a sentence once: a path ending in "…" takes no second full stop, in texts and in the guides', () => {
    const doubled = entries.flatMap(([k]) =>
      LANGS.flatMap((lang) => (/…\./.test(render(lang, k, {})) ? [`${k} (${lang}): ${render(lang, k, {})}`] : [])),
    );
    expect(doubled).toEqual([]);
    expect(tIn('id', 'common.error.notRole', { email: 'a@b.id', role: 'x', admins: 'c@b.id' })).toMatch(
      /di Ekstensi ▸ DataDesk ▸ Pengaturan…$/,
    );
    expect(tIn('en', 'budget.notMigrated')).not.toMatch(/…\./);
    const guides = files(join(ROOT, 'docs/guides'), /\.md$/).filter((f) => /…\./.test(readFileSync(f, 'utf8')));
    expect(guides.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('render as the spreadsheet shows them, in the reader’s language', () => {
    expect(tIn('id', 'budget.notMigrated')).toContain('Ekstensi ▸ DataDesk ▸ Anggaran: Jalankan migrasi');
    expect(tIn('en', 'budget.notMigrated')).toContain('Extensions ▸ DataDesk ▸ Budget: Run migrations');
  });
});

/** Source files of a folder, recursively. */
function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}

/** Files whose literals are not user-interface text, and why. */
const NOT_UI: Record<string, string> = {
  'src/server/tagging/prompt.ts': 'the prompt to the model (its keywords must be Indonesian whatever the user reads)',
  'src/server/tagging/wordlists.ts': 'the seed word lists and the group names the sheet accepts in both languages',
  'src/server/tagging/layout.ts': 'header aliases recognised in both languages',
  'src/server/tagging/catalogue.ts': 'header aliases recognised in both languages',
  'src/server/segments/form.ts': 'form-question aliases recognised in both languages',
  'src/server/tagging/settings.ts': 'default names of sheets the merchandiser keeps (setting values, not texts)',
  'src/server/budget/schema.ts': 'names of database migrations (kept in the schema table, never shown)',
  'src/server/core/json.ts': 'compile-time messages of the RPC type check',
  'src/server/marketplace/settings.ts':
    "Seller Center's column headers and the team's Drive folder names (data the files carry, not texts)",
};

describe('no text outside the catalogue', () => {
  it('server and sidebar code carry no sentence of their own (logs and internal errors excepted)', () => {
    const found: string[] = [];
    for (const f of [...files(join(ROOT, 'src/server'), /\.ts$/), ...files(join(ROOT, 'src/client'), /\.ts$/)]) {
      const rel = relative(ROOT, f);
      if (rel.startsWith('src/server/core/text/') || NOT_UI[rel]) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\/\*|\*)/.test(code)) return; // a doc comment
          if (/console\.(log|warn|error|info)|new Error\(|throw new Error|GasError/.test(code)) return;
          for (const m of code.matchAll(/'([^'\\]*(?:\\.[^'\\]*)*)'|`([^`]*)`|"([^"\\]*)"/g)) {
            const lit = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' ');
            const words = (lit.toLowerCase().match(/\p{L}+/gu) ?? []).filter(
              (w) => ENGLISH_ONLY.has(w) || INDONESIAN_ONLY.has(w),
            );
            const codeLike =
              /^[\w.$/-]*$/.test(lit.trim()) ||
              /^\s*</.test(lit) ||
              /\b(SELECT|INSERT|UPDATE|DELETE FROM|JOIN|WHERE|CREATE|ALTER TABLE|CASE WHEN|WHEN|THEN|ORDER BY)\b|\bCAST\(|\bWITH \w+ AS\b/.test(
                lit,
              );
            if (words.length >= 2 && !codeLike) found.push(`${rel}:${i + 1} ${lit.trim().slice(0, 80)}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  it('page markup holds no text of its own: every text node comes from data-t or is data (translate="no")', () => {
    const found: string[] = [];
    for (const f of files(join(ROOT, 'src/client'), /\.html$/)) {
      const html = readFileSync(f, 'utf8').replace(/<[^>]*translate="no"[^>]*>[\s\S]*?<\/\w+>/g, '');
      for (const m of html.matchAll(/>([^<>]+)</g)) {
        const text = m[1].trim();
        if (text && /\p{L}{3,}/u.test(text) && !/^(CSV|XLSX|Google Chat|Telegram|Discord)$/.test(text))
          found.push(`${relative(ROOT, f)}: ${text}`);
      }
      for (const m of html.matchAll(/\b(placeholder|title|aria-label)="([^"]*)"/g))
        if (foreignWords(m[2], 'id').length + foreignWords(m[2], 'en').length) found.push(`${relative(ROOT, f)}: ${m[0]}`);
      for (const m of html.matchAll(/data-t(?:-placeholder|-title)?="([^"]+)"/g))
        if (!(m[1] in CATALOGUE)) found.push(`${relative(ROOT, f)}: unknown key ${m[1]}`);
    }
    expect(found).toEqual([]);
  });

  it('every key code asks for exists (t/msg/tIn with a literal key)', () => {
    const missing: string[] = [];
    for (const f of [...files(join(ROOT, 'src/server'), /\.ts$/), ...files(join(ROOT, 'src/client'), /\.ts$/)]) {
      const src = readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\/\*|\*)/.test(l))
        .join('\n');
      for (const m of src.matchAll(/\b(?:t|msg|tIn\([^,]+,)\s*\(\s*'([a-z]+\.[\w.]+)'/g))
        if (!(m[1] in CATALOGUE)) missing.push(`${relative(ROOT, f)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
