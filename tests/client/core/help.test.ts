// The "Bantuan" guides: the small Markdown reader keeps text as text, and every page has its guide in both languages
// with the same sections, naming only menu items that exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuide } from '../../../src/client/core/help';
import { menu } from '../../../src/server/core/text/catalogue/menu';

const ROOT = join(__dirname, '../../..');
const pages = readdirSync(join(ROOT, 'src/client')).filter((d) => existsSync(join(ROOT, 'src/client', d, 'index.html')));
const guide = (page: string, lang: string) => join(ROOT, 'docs/guides', `${page}.${lang}.md`);
const SIDEBARS = pages.filter((p) => p !== 'budget-dashboard');

describe('parseGuide', () => {
  it('reads headings, paragraphs and lists; markup in the text stays text', () => {
    expect(parseGuide('## Judul\nBaris satu\nbaris dua\n\n- satu\n- dua <b>x</b>\n  lanjutan\nParagraf <script>')).toEqual([
      { kind: 'h', text: 'Judul' },
      { kind: 'p', text: 'Baris satu baris dua' },
      { kind: 'ul', items: ['satu', 'dua <b>x</b> lanjutan'] },
      { kind: 'p', text: 'Paragraf <script>' },
    ]);
  });
});

describe('guides', () => {
  it.each(SIDEBARS)('%s has a guide in Bahasa Indonesia and in English with the same sections', (page) => {
    expect([existsSync(guide(page, 'id')), existsSync(guide(page, 'en'))]).toEqual([true, true]);
    const shape = (lang: string) =>
      parseGuide(readFileSync(guide(page, lang), 'utf8')).map((b) => (b.kind === 'ul' ? `ul${b.items.length}` : b.kind));
    expect(shape('en')).toEqual(shape('id'));
  });

  it.each(SIDEBARS)('the built %s page carries its guide and mounts the Bantuan button', (page) => {
    const built = join(ROOT, 'build', `${page}.html`);
    if (!existsSync(built)) return; // the unit tier may run before a build; npm test builds first
    const html = readFileSync(built, 'utf8');
    const json = /<script type="application\/json" id="dd-guide">([^<]*)<\/script>/.exec(html);
    expect(json).not.toBeNull();
    expect(JSON.parse(json![1])).toEqual({
      id: readFileSync(guide(page, 'id'), 'utf8'),
      en: readFileSync(guide(page, 'en'), 'utf8'),
    });
    expect(readFileSync(join(ROOT, 'src/client', page, 'main.ts'), 'utf8')).toMatch(/\bmountHelp\(/);
  });

  it('names only menu items that exist', () => {
    // The menu's captions, in the guide's language, from the catalogue.
    for (const page of SIDEBARS)
      for (const lang of ['id', 'en'] as const) {
        const captions = Object.values(menu).map((c) => c[lang]);
        for (const m of readFileSync(guide(page, lang), 'utf8').matchAll(/(?:Ekstensi|Extensions) ▸ DataDesk ▸ ([^,.]+…)/g))
          expect([page, lang, captions.some((c) => c.includes(m[1].replace(/…$/, '')))]).toEqual([page, lang, true]);
      }
  });
});
