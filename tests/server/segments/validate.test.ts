// biome-ignore-all lint/suspicious/noExplicitAny: the tests feed deliberately ill-typed requests
// Request validation: every kind of bad input gets a specific error (Indonesian + English); good input comes back canonical.
import { AppError } from '../../../src/server/core/errors';
import { checkRequest, folderIdOf, validateRequest } from '../../../src/server/segments/validate';
import { closest, editDistance } from '../../../src/server/segments/suggest';
import { REFERENCE, wabaRequest } from './fixture';

const problems = (patch: (r: any) => void) => {
  const r: any = JSON.parse(JSON.stringify(wabaRequest()));
  patch(r);
  return checkRequest(r, REFERENCE).problems;
};
const firstError = (patch: (r: any) => void) => {
  const r: any = JSON.parse(JSON.stringify(wabaRequest()));
  patch(r);
  try {
    validateRequest(r, REFERENCE);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('no error');
};

describe('segment request validation', () => {
  it('accepts the WABA request and canonicalises spellings', () => {
    const r: any = wabaRequest();
    r.brands = ['azko'];
    r.criteria.cities = ['serang', ' Bogor '];
    r.delivery.folderId = 'https://drive.google.com/drive/folders/AbC_12-x?usp=sharing';
    const v = validateRequest(r, REFERENCE);
    expect(v.brands).toEqual(['AZKO']);
    expect(v.criteria.cities).toEqual(['Serang', 'Bogor']);
    expect(v.delivery.folderId).toBe('AbC_12-x');
  });

  it('rejects a missing request and empty criteria', () => {
    expect(checkRequest(null, REFERENCE).problems[0].en).toMatch(/empty/);
    expect(problems((r) => (r.brands = []))[0].en).toBe('Choose at least one brand.');
    expect(problems((r) => (r.criteria.cities = ['Serang', '']))[0].en).toMatch(/City: an entry is empty/);
    expect(problems((r) => (r.name = '  '))[0].id).toBe('Nama segmen wajib diisi.');
    expect(problems((r) => (r.period = { ...r.period, offline: false, online: false }))[0].en).toMatch(
      /offline transactions, online ones, or both/,
    );
  });

  it('rejects contradictory criteria: child age 10 to 3, a period ending before it starts, a city outside the province', () => {
    const e = firstError((r) => (r.criteria.childAge = { min: 10, max: 3 }));
    expect(e.code).toBe('INVALID');
    expect(e.message).toMatch(/Usia anak 10 sampai 3/);
    expect(e.messageEn).toMatch(/Child age 10 to 3 is contradictory/);
    expect(
      problems(
        (r) => (r.period = { kind: 'RANGE', months: null, from: '2026-05-01', to: '2026-04-30', offline: true, online: true }),
      )[0].en,
    ).toBe('The period ends (30 Apr 2026) before it starts (1 May 2026).');
    expect(
      problems((r) => (r.criteria.voucherNotRedeemed = { program: '', from: '2026-05-01', to: '2026-01-01' }))[0].en,
    ).toMatch(/voucher period ends/);
    expect(problems((r) => (r.criteria.provinces = ['Banten']))[0].en).toMatch(
      /Bogor is in Jawa Barat, not in the chosen provinces/,
    );
    expect(problems((r) => (r.criteria.stores = ['TK-MDN-01']))[0].en).toMatch(/belongs to TOYS KINGDOM/);
    expect(
      problems((r) => {
        r.splitByGender = true;
        r.criteria.genders = ['F'];
      })[0].en,
    ).toMatch(/needs both male and female/);
  });

  it('unknown brands, stores and cities get the closest known names', () => {
    expect(problems((r) => (r.brands = ['AZKOO']))[0].en).toBe('Brand not recognised: "AZKOO". Did you mean: AZKO?');
    expect(problems((r) => (r.criteria.cities = ['Serrang']))[0].id).toBe(
      'Kota tidak dikenal: "Serrang". Mungkin maksud Anda: Serang?',
    );
    expect(problems((r) => (r.criteria.stores = ['AZK-SRG-1']))[0].en).toMatch(
      /Store not recognised: "AZK-SRG-1". Did you mean: AZK-SRG-01/,
    );
    expect(problems((r) => (r.brands = ['Toys Kingdon']))[0].en).toMatch(/Did you mean: TOYS KINGDOM\?/);
    expect(problems((r) => (r.criteria.cities = ['Zzzzzzzzzzzz']))[0].en).toBe('City not recognised: "Zzzzzzzzzzzz".');
  });

  it('rejects a cap of zero and other bad numbers', () => {
    expect(problems((r) => (r.cap = 0))[0].en).toBe('The cap must not be 0; leave it empty for no cap.');
    expect(problems((r) => (r.cap = -5))[0].en).toMatch(/Cap must be a whole number/);
    expect(problems((r) => (r.cap = 2.5))[0].en).toMatch(/Cap must be a whole number/);
    expect(problems((r) => (r.period.months = 0))[0].en).toMatch(/Number of months must be a whole number 1–120/);
  });

  it('rejects a missing destination folder', () => {
    expect(problems((r) => (r.delivery.folderId = ''))[0].en).toBe('The destination folder is required.');
    expect(problems((r) => (r.delivery.folderId = 'a b c'))[0].en).toMatch(/destination folder is not valid/);
  });

  it('rejects formulas and SQL in any text field', () => {
    expect(problems((r) => (r.name = '=IMPORTXML("http://x")'))[0].en).toMatch(/Segment name must not start with = \+ - or @/);
    expect(problems((r) => (r.campaign = "x'; DROP TABLE loyalty.members; --"))[0].en).toMatch(
      /Campaign name contains characters or SQL/,
    );
    expect(problems((r) => (r.name = 'Winback union select * from loyalty.members'))[0].en).toMatch(/SQL/);
    expect(problems((r) => (r.criteria.cities = ['+SUM(A1)']))[0].en).toMatch(/City must not start with/);
    expect(problems((r) => (r.brands = ['AZKO; DELETE']))[0].en).toMatch(/Brand contains/);
    expect(problems((r) => (r.name = 'Opening NEKA Serang & Bogor (Sept)'))).toEqual([]);
  });

  it('lists every problem at once, with the first field in the details', () => {
    const e = firstError((r) => {
      r.cap = 0;
      r.brands = ['AZKOO'];
    });
    expect(e.message.split('\n')).toHaveLength(2);
    expect(e.details).toEqual({ field: 'brands', problems: 2 });
  });
});

describe('suggestions and folder ids', () => {
  it('edit distance and closest names', () => {
    expect(editDistance('serrang', 'serang')).toBe(1);
    expect(closest('Bogr', ['Serang', 'Bogor', 'Depok'])).toEqual(['Bogor']);
  });
  it('folder id from a URL', () => {
    expect(folderIdOf('https://drive.google.com/drive/u/0/folders/1AbC')).toBe('1AbC');
    expect(folderIdOf('https://drive.google.com/open?id=XyZ')).toBe('XyZ');
    expect(folderIdOf(' plainId ')).toBe('plainId');
  });
});
