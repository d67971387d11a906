// The matcher both ways: suffixed, prefixed, number-glued and misspelt list words are caught; the ordinary product
// words that look like them are kept (thresholds argued in src/server/tagging/match.ts).
import { affixForms, editDistance, matchKeyword, tokens } from '../../../src/server/tagging/match';
import { LEGITIMATE_WORDS, parseWordRows, seedWordLists } from '../../../src/server/tagging/wordlists';

const lists = seedWordLists();
const hit = (k: string, allowed: string[] = []) => {
  const m = matchKeyword(k, lists, allowed);
  return m ? `${m.entry.group}:${m.entry.word}${m.near ? ' (near)' : ''}` : null;
};

describe('words glued to Indonesian suffixes, particles and prefixes', () => {
  it.each([
    ['tupperwarenya', 'brand:Tupperware'],
    ['wadah tupperwarenya', 'brand:Tupperware'],
    ['pistolnya', 'forbidden:Pistol'],
    ['pistol-pistolan', 'forbidden:Pistol'],
    ['kompaknya', 'forbidden:Kompak'],
    ['kekompakan', 'forbidden:Kompak'],
    ['keribetan', 'forbidden:Ribet'],
    ['ribetnya', 'forbidden:Ribet'],
    ['merangsangnya', 'forbidden:Merangsang'],
    ['diskonnya', 'promo:diskon'],
    ['didiskon', 'promo:diskon'],
    ['berdiskon 20%', 'promo:diskon'],
    ['diskonlah', 'promo:diskon'],
    ['promonya', 'promo:promo'],
    ['promokah', 'promo:promo'],
    ['obralan', 'promo:obral'],
    ['termurahnya', 'promo:termurah'],
    ['materialnya', 'attribute:Material'],
    ['kapasitasnya', 'attribute:Kapasitas'],
    ['dayanya', 'attribute:Daya'],
    ['velcronya', 'brand:Velcro'],
    ['teflonnya', 'brand:Teflon'],
    ['pamperspun', 'brand:Pampers'],
    ['elektroniknya', 'generic:Elektronik'],
  ])('%s → %s', (k, want) => {
    expect(hit(k)).toBe(want);
  });
});

describe('words glued to numbers', () => {
  it.each([
    ['tupperware2', 'brand:Tupperware'],
    ['2tupperware', 'brand:Tupperware'],
    ['tupperware2in1', 'brand:Tupperware'],
    ['ziploc10pcs', 'brand:Ziploc'],
    ['teflon28cm', 'brand:Teflon'],
    ['diskon50', 'promo:diskon'],
    ['promo12.12', 'promo:promo'],
    ['flashsale11', 'promo:flash sale'],
    ['rubik3x3', 'brand:Rubik'],
    ['2in1 pistol', 'forbidden:Pistol'],
  ])('%s → %s', (k, want) => {
    expect(hit(k)).toBe(want);
  });

  it('splits where letters meet digits', () => {
    expect(tokens('Tupperware2in1')).toEqual(['tupperware', '2', 'in', '1']);
    expect(tokens('rak 3susun')).toEqual(['rak', '3', 'susun']);
  });
});

describe('near-miss spellings of brand names', () => {
  it.each([
    ['tuperware', 'Tupperware'],
    ['tupperwere', 'Tupperware'],
    ['tuperwarenya', 'Tupperware'],
    ['tuper ware', 'Tupperware'],
    ['ziplock', 'Ziploc'],
    ['zip lock', 'Ziploc'],
    ['plastik ziplock', 'Ziploc'],
    ['teflonn', 'Teflon'],
    ['tefon', 'Teflon'],
    ['velkro', 'Velcro'],
    ['betadin', 'Betadine'],
    ['sterofoam', 'Styrofoam'],
    ['stirofom', 'Styrofoam'],
    ['bublewrap', 'Bubble Wrap'],
    ['bubble rap', 'Bubble Wrap'],
    ['pampres', 'Pampers'],
    ['themos', 'Thermos'],
    ['instan pot', 'Instant Pot'],
    ['scoth tape', 'Scotch Tape'],
  ])('%s → brand %s', (k, brand) => {
    expect(hit(k)).toBe(`brand:${brand} (near)`);
  });

  it('matches brand names of five letters or fewer only exactly', () => {
    for (const k of ['rubic', 'jenge', 'jenka', 'rubin']) expect(hit(k)).toBeNull();
  });

  it('never matches forbidden, generic, attribute or promotional words by spelling', () => {
    for (const k of ['pistool', 'kompakk', 'ribett', 'diskonn', 'elektronk', 'materiall']) expect(hit(k)).toBeNull();
  });
});

describe('legitimate product words that look like list words are kept', () => {
  // Real Indonesian marketplace words one edit, an affix or a number away from a seeded list word.
  it.each([
    'pisang', // pistol: 3 edits, and forbidden words never match by spelling
    'piston', // pistol: 1 edit
    'ring piston motor',
    'kompas', // kompak
    'kompor gas', // kompak
    'paku rivet', // ribet
    'ribut', // ribet
    'termos air panas', // Thermos
    'termos', // Thermos (KBBI)
    'hampers lebaran', // Pampers: different first letter
    'pamer', // Pamper(s)
    'telfon rumah', // Teflon, a swap away
    'tepung terigu', // Teflon
    'kertas thermal', // Thermos: 2 edits
    'termometer', // Thermos
    'zipper', // Ziploc
    'poster dinding', // Post-it
    'postingan', // Post-it
    'rubrik', // Rubik
    'batu rubin', // Rubik (5 letters: exact only)
    'jengkol', // Jenga
    'selotip bening', // Scotch Tape (the Indonesian word)
    'mie instan', // Instant Pot
    'gelas bubble tea', // Bubble Wrap
    'kapasitor', // Kapasitas
    'materai 10000', // Material
    'colokan listrik', // Color
    'dayung perahu', // Daya
    'obrolan', // obral
    'promotor', // promo
    'keranjang', // no ke- without a suffix
    'selai kacang', // no se- without a suffix
    'mainan anak', // -an on an unlisted base
    'kursi lipat', // -i on an unlisted base
    'buku tulis', // -ku on a base under 4 letters
    'rak 2in1',
    'lampu 3in1',
    'gadget holder', // generic only as the whole keyword
    'perabot rumah tangga',
    'pistolet',
  ])('keeps %s', (k) => {
    expect(hit(k)).toBeNull();
  });

  it('keeps words a merchandiser allows in the sheet ("boleh") or that are top searches', () => {
    const withAllowed = [...lists, ...parseWordRows([['tuperware', 'boleh']])];
    expect(matchKeyword('tuperware', withAllowed)).toBeNull();
    expect(matchKeyword('tupperware', withAllowed)?.entry.word).toBe('Tupperware'); // the brand itself still goes
    expect(hit('pistolan', ['pistolan'])).toBeNull();
    expect(hit('pistol', ['pistol'])).toBe('forbidden:Pistol');
  });

  it('seeds the built-in legitimate words into the sheet as "boleh"', () => {
    const allowed = lists.filter((e) => e.group === 'allowed').map((e) => e.word);
    expect(allowed).toEqual(LEGITIMATE_WORDS);
  });
});

describe('building blocks', () => {
  it('strips suffixes, particles and prefixes down to bases of 4 letters or more', () => {
    expect(affixForms('kekompakannya')).toContain('kompak');
    expect(affixForms('didiskonkanlah')).toContain('diskon');
    expect(affixForms('keranjang')).not.toContain('ranjang');
    expect(affixForms('promosi')).not.toContain('promo');
    expect(affixForms('buku')).toEqual([]);
  });

  it('counts a swap of neighbouring letters as one edit and gives up past the limit', () => {
    expect(editDistance('telfon', 'teflon', 1)).toBe(1);
    expect(editDistance('tuperware', 'tupperware', 2)).toBe(1);
    expect(editDistance('pisang', 'pistol', 2)).toBe(Infinity);
    expect(editDistance('pisang', 'pistol', 3)).toBe(3);
    expect(editDistance('abc', 'abcdef', 2)).toBe(Infinity);
  });
});
