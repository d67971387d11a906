// The keyword filter: every word of the source's table (Gambar 3.22) and its variants, plus dedupe and bounds.
import { clean, filterKeywords, tagString } from '../../../src/server/tagging/filter';
import { matchKeyword } from '../../../src/server/tagging/match';
import { formatRemoved } from '../../../src/server/tagging/reasons';
import { normalize, parseWordRows, seedWordLists } from '../../../src/server/tagging/wordlists';

const lists = seedWordLists();
const groupOf = (k: string) => matchKeyword(k, lists)?.entry.group ?? null;

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
  it('keeps, removes with reasons a merchandiser can read, dedupes and bounds', () => {
    const r = filterKeywords(
      ['Rak Bumbu', 'Tupperware', 'rak bumbu', 'RAK  BUMBU!', 'Peralatan Dapur', 'termurah', 'rak dapur dinding', 'wadah ziploc'],
      lists,
    );
    expect(r.kept).toEqual(['rak bumbu', 'rak dapur dinding']);
    expect(formatRemoved(r.removed)).toBe(
      'tupperware — nama merek; rak bumbu — sudah ada; rak bumbu — sudah ada; peralatan dapur — terlalu umum; ' +
        'termurah — kata promosi; wadah ziploc — nama merek “Ziploc”',
    );
    expect(formatRemoved(r.removed, 'en')).toBe(
      'tupperware — brand name; rak bumbu — already listed; rak bumbu — already listed; peralatan dapur — too generic; ' +
        'termurah — promotional word; wadah ziploc — brand name “Ziploc”',
    );
  });

  it('says "sudah ada" for a keyword that is still among the kept ones, naming it when it was written differently', () => {
    const r = filterKeywords(['pulpen', 'buku tulis', 'pulpen', 'Pulpens', 'buku-tulis'], lists);
    expect(r.kept).toEqual(['pulpen', 'buku tulis']);
    expect(formatRemoved(r.removed)).toBe(
      'pulpen — sudah ada; pulpens — sudah ada sebagai “pulpen”; buku-tulis — sudah ada sebagai “buku tulis”',
    );
    expect(formatRemoved(r.removed, 'en')).toBe(
      'pulpen — already listed; pulpens — already listed as “pulpen”; buku-tulis — already listed as “buku tulis”',
    );
  });

  it('names the list word behind a variant, and a near-miss brand as one', () => {
    const r = filterKeywords(['senapan pistol air', 'kompaknya', 'tuperware', 'ziplock', 'material kayu', 'DISKON 50%'], lists);
    expect(r.kept).toEqual([]);
    expect(formatRemoved(r.removed)).toBe(
      'senapan pistol air — kata terlarang “Pistol”; kompaknya — kata terlarang “Kompak”; ' +
        'tuperware — mirip nama merek “Tupperware”; ziplock — mirip nama merek “Ziploc”; ' +
        'material kayu — kata atribut produk “Material”; diskon 50% — kata promosi “diskon”',
    );
    expect(formatRemoved(r.removed, 'en')).toBe(
      'senapan pistol air — forbidden word “Pistol”; kompaknya — forbidden word “Kompak”; ' +
        'tuperware — looks like the brand name “Tupperware”; ziplock — looks like the brand name “Ziploc”; ' +
        'material kayu — product attribute word “Material”; diskon 50% — promotional word “diskon”',
    );
  });

  it('bounds the number of keywords and their total length, saying which bound', () => {
    const many = Array.from({ length: 20 }, (_, i) => `kata kunci nomor ${i}`);
    const r = filterKeywords(many, lists, { maxKeywords: 5, maxTotalLength: 1000, maxKeywordLength: 40 });
    expect(r.kept).toHaveLength(5);
    expect(r.removed.filter((x) => x.reason.kind === 'overCount')).toHaveLength(15);
    expect(formatRemoved(r.removed.slice(0, 1))).toBe('kata kunci nomor 5 — melebihi batas 5 kata kunci');
    expect(formatRemoved(r.removed.slice(0, 1), 'en')).toBe('kata kunci nomor 5 — over the limit of 5 keywords');
    const r2 = filterKeywords(many, lists, { maxKeywords: 50, maxTotalLength: 60, maxKeywordLength: 40 });
    expect(r2.kept.join(', ').length).toBeLessThanOrEqual(60);
    expect(r2.kept.length).toBe(3);
    expect(formatRemoved(r2.removed.slice(0, 1))).toBe('kata kunci nomor 3 — tag melebihi 60 karakter');
    const r3 = filterKeywords(['x'.repeat(41), 'pendek'], lists);
    expect(r3.kept).toEqual(['pendek']);
    expect(formatRemoved(r3.removed)).toBe(`${'x'.repeat(41)} — terlalu panjang (maks. 40 karakter)`);
    expect(formatRemoved(r3.removed, 'en')).toBe(`${'x'.repeat(41)} — too long (max. 40 characters)`);
  });

  it('never keeps a word of the lists, whatever the casing or accents', () => {
    const r = filterKeywords(['RIBET', 'Kömpak', 'jénga', 'TEFLON pan', 'Brand'], lists);
    expect(r.kept).toEqual([]);
    expect(r.removed).toHaveLength(5);
  });

  it('keeps the top-search keywords from near-miss and affix matching, never from exact matching', () => {
    expect(filterKeywords(['tuperware'], lists, undefined, ['tuperware']).kept).toEqual(['tuperware']);
    expect(filterKeywords(['tupperware'], lists, undefined, ['tupperware']).kept).toEqual([]);
  });

  it('writes clean keywords into the tag string', () => {
    const r = filterKeywords(
      ['kompor!!', '(gelas)', 'rak piring®', '“sendok”', 'mangkuk 🍜', '#piring', 'abu-abu', 'katun 100%'],
      lists,
    );
    expect(r.kept).toEqual(['kompor', 'gelas', 'rak piring', 'sendok', 'mangkuk', 'piring', 'abu-abu', 'katun 100%']);
    expect(tagString('Set Dapur', r.kept)).toBe(
      'Set Dapur | kompor, gelas, rak piring, sendok, mangkuk, piring, abu-abu, katun 100%',
    );
  });

  it('appends the tag string to the product name', () => {
    expect(tagString('Rak Bumbu Dapur 3 Susun', ['rak bumbu', 'rak dinding'])).toBe(
      'Rak Bumbu Dapur 3 Susun | rak bumbu, rak dinding',
    );
    expect(tagString('Rak', [])).toBe('Rak');
  });
});

describe('clean', () => {
  it.each([
    ['kompor!!', 'kompor'],
    ['(gelas)', 'gelas'],
    ['rak piring®', 'rak piring'],
    ['Wajan™ Anti Lengket', 'wajan anti lengket'],
    ['  RAK   BUMBU!  ', 'rak bumbu'],
    ['"talenan kayu"', 'talenan kayu'],
    ['[botol] {minum}', 'botol minum'],
    ['rak*sepatu', 'rak sepatu'],
    ['- sapu -', 'sapu'],
    ['ember 1/2 liter', 'ember 1/2 liter'],
    ['botol 1.5 l', 'botol 1.5 l'],
    ['beras 2,5 kg', 'beras 2,5 kg'],
    ['kabel 2-in-1', 'kabel 2-in-1'],
    ['rubik’s cube', "rubik's cube"],
    ['lampu, meja.', 'lampu meja'],
    ['kursi & meja', 'kursi & meja'],
    ['& meja', 'meja'],
    ['diskon 50%!', 'diskon 50%'],
    ['!!!', ''],
    ['ｒａｋ　ｂｕｋｕ', 'rak buku'],
  ])('%s → %s', (raw, out) => {
    expect(clean(raw)).toBe(out);
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
