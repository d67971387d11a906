// The keyword filter: every word of the source's table (Gambar 3.22) and its variants, plus dedupe and bounds.
import { filterKeywords, formatRemoved, tagString } from '../../../src/server/tagging/filter';
import { matchKeyword, normalize, parseWordRows, seedWordLists } from '../../../src/server/tagging/wordlists';

const lists = seedWordLists();
const groupOf = (k: string) => matchKeyword(k, lists)?.group ?? null;

describe('word lists seeded from the source table', () => {
  const table: Record<string, string[]> = {
    generic: [
      'Furnitur',
      'Elektronik',
      'Peralatan Dapur',
      'Perlengkapan Dapur',
      'Gadget',
      'Otomatif',
      'Rumah Tangga',
      'Home Improvement',
      'Hobi & Gaya Hidup',
      'Perawatan & Kecantikan',
      'Aksesoris Fashion',
      'Alat Pengaman',
    ],
    forbidden: ['Kompak', 'Merangsang', 'Ribet', 'Pistol', 'eeek'],
    brand: [
      'Fischer',
      'Jenga',
      'Rubik',
      'rubiks',
      'Velcro',
      'Scotch Tape',
      'Post-it',
      'Tupperware',
      'Ziploc',
      'Teflon',
      'Thermos',
      'Instant Pot',
      'Bubble Wrap',
      'Styrofoam',
      'Pampers',
      'Betadine',
    ],
    attribute: ['Brand', 'Color', 'Dimensi produk', 'Kapasitas', 'Daya', 'Material'],
    promo: ['diskon', 'termurah'],
  };
  for (const [group, words] of Object.entries(table)) {
    for (const w of words) {
      it(`removes "${w}" as ${group}, in any case`, () => {
        expect(groupOf(w)).toBe(group);
        expect(groupOf(w.toUpperCase())).toBe(group);
        expect(groupOf(w.toLowerCase())).toBe(group);
        expect(groupOf(`  ${w}  `)).toBe(group);
      });
    }
  }

  it.each([
    ["Rubik's", 'brand'],
    ['rubik’s cube', 'brand'],
    ['RUBIKS', 'brand'],
    ['kubus rubik 3x3', 'brand'],
    ['post it', 'brand'],
    ['postit warna', 'brand'],
    ['Post-It notes', 'brand'],
    ['sticky note post-it', 'brand'],
    ['scotchtape', 'brand'],
    ['bubble-wrap', 'brand'],
    ['instantpot', 'brand'],
    ['wadah tupperware', 'brand'],
    ['Téflon', 'brand'],
    ['thermoses', 'brand'],
    ['Ziplocs', 'brand'],
    ['pampers bayi', 'brand'],
    ['hobi dan gaya hidup', 'generic'],
    ['Hobi &amp; Gaya Hidup'.replace('&amp;', '&'), 'generic'],
    ['perawatan dan kecantikan', 'generic'],
    ['ELEKTRÓNIK', 'generic'],
    ['home-improvement', 'generic'],
    ['peralatan  dapur', 'generic'],
    ['senapan pistol air', 'forbidden'],
    ['desain kompak', 'forbidden'],
    ['EEEK', 'forbidden'],
    ['ribet', 'forbidden'],
    ['material kayu', 'attribute'],
    ['kapasitas 2 liter', 'attribute'],
    ['dimensi produk', 'attribute'],
    ['colors', 'attribute'],
    ['gratis ongkir', 'promo'],
    ['harga termurah', 'promo'],
    ['DISKON 50%', 'promo'],
  ])('catches the variant %s as %s', (k, g) => {
    expect(groupOf(k)).toBe(g);
  });

  it.each([
    'rak peralatan dapur',
    'lampu elektronik meja',
    'talenan kayu',
    'botol minum',
    'tas sekolah',
    'lem tembak',
    'pistolet',
  ])('keeps the specific keyword %s', (k) => {
    expect(groupOf(k)).toBeNull();
  });
});

describe('filterKeywords', () => {
  it('keeps, removes with reasons, dedupes and bounds', () => {
    const r = filterKeywords(
      ['Rak Bumbu', 'Tupperware', 'rak bumbu', 'RAK  BUMBU!', 'Peralatan Dapur', 'termurah', 'rak dapur dinding', 'wadah ziploc'],
      lists,
    );
    expect(r.kept).toEqual(['rak bumbu', 'rak dapur dinding']);
    expect(formatRemoved(r.removed)).toBe(
      'tupperware → merek; rak bumbu → duplikat; rak bumbu! → duplikat; peralatan dapur → terlalu umum; termurah → promosi; wadah ziploc → merek (Ziploc)',
    );
  });

  it('bounds the number of keywords and their total length', () => {
    const many = Array.from({ length: 20 }, (_, i) => `kata kunci nomor ${i}`);
    const r = filterKeywords(many, lists, { maxKeywords: 5, maxTotalLength: 1000, maxKeywordLength: 40 });
    expect(r.kept).toHaveLength(5);
    expect(r.removed.filter((x) => x.reason === 'melebihi batas')).toHaveLength(15);
    const r2 = filterKeywords(many, lists, { maxKeywords: 50, maxTotalLength: 60, maxKeywordLength: 40 });
    expect(r2.kept.join(', ').length).toBeLessThanOrEqual(60);
    expect(r2.kept.length).toBe(3);
    const r3 = filterKeywords(['x'.repeat(41), 'pendek'], lists);
    expect(r3.kept).toEqual(['pendek']);
    expect(r3.removed[0].reason).toBe('terlalu panjang');
  });

  it('never keeps a word of the lists, whatever the casing or accents', () => {
    const r = filterKeywords(['RIBET', 'Kömpak', 'jénga', 'TEFLON pan', 'Brand'], lists);
    expect(r.kept).toEqual([]);
    expect(r.removed).toHaveLength(5);
  });

  it('appends the tag string to the product name', () => {
    expect(tagString('Rak Bumbu Dapur 3 Susun', ['rak bumbu', 'rak dinding'])).toBe(
      'Rak Bumbu Dapur 3 Susun | rak bumbu, rak dinding',
    );
    expect(tagString('Rak', [])).toBe('Rak');
  });
});

describe('word-list sheet rows', () => {
  it('reads groups in both languages, splits comma lists, skips blank rows', () => {
    const l = parseWordRows([
      ['Rubik, rubiks', 'Merek'],
      ['', ''],
      ['murah banget', 'promotional'],
      ['Ribet', 'terlarang'],
      ['Elektronik', 'Terlalu Umum'],
    ]);
    expect(l.map((e) => [e.word, e.group])).toEqual([
      ['Rubik', 'brand'],
      ['rubiks', 'brand'],
      ['murah banget', 'promo'],
      ['Ribet', 'forbidden'],
      ['Elektronik', 'generic'],
    ]);
  });

  it('refuses an unknown group, naming the sheet row', () => {
    expect(() =>
      parseWordRows([
        ['Ribet', 'terlarang'],
        ['Kompak', 'jelek'],
      ]),
    ).toThrow(/baris 3: grup "jelek" tidak dikenal/);
  });

  it('normalises accents, case, apostrophes and ampersands', () => {
    expect(normalize("Rubik's  Cube")).toBe('rubiks cube');
    expect(normalize('Hobi & Gaya Hidup')).toBe('hobi dan gaya hidup');
    expect(normalize('Téflon™')).toBe('teflon');
  });
});
