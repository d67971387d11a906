// Evidence, month, block and split validation: bad input is refused with a reason, good input normalised.
import { thrownMessage } from '../../support/thrown';
import {
  checkEvidence,
  checkEvidenceDate,
  parseAllocationBlock,
  splitBlockText,
  checkSplit,
  checkMonth,
} from '../../../src/server/budget/validate';

const now = new Date('2026-11-23T03:00:00Z'); // 10:00 WIB
const PT = ['AKUISISI', 'OUTLET', 'SF', 'CB PROGRAM', 'REGION (CVM & SO)'];

describe('budget validation', () => {
  it('checks months strictly', () => {
    expect(checkMonth('2026-11')).toBe('2026-11');
    expect(() => checkMonth('2026-13')).toThrow(/Bulan tidak valid/);
    expect(() => checkMonth("2026-11' OR 1=1")).toThrow(/Bulan tidak valid/);
  });

  it('refuses dates in the future (WIB) and outside the month', () => {
    expect(checkEvidenceDate('2026-11-23', '2026-11', now)).toBe('2026-11-23');
    expect(() => checkEvidenceDate('2026-11-24', '2026-11', now)).toThrow(/masa depan/);
    expect(() => checkEvidenceDate('2026-10-31', '2026-11', now)).toThrow(/31 Okt 2026 di luar bulan November 2026/);
    expect(() => checkEvidenceDate('2026-02-30', '2026-02', now)).toThrow(/Tanggal tidak valid/);
    // 23:30 WIB on the 23rd is still the 23rd although UTC says so too; 00:30 WIB on the 24th is the 24th.
    expect(checkEvidenceDate('2026-11-24', '2026-11', new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
  });

  it('refuses unknown point types and empty descriptions', () => {
    const base = {
      clusterId: 'C1',
      month: '2026-11',
      pointType: 'OUTLET',
      description: 'Banner outlet',
      amount: '150.000',
      date: '2026-11-20',
    };
    expect(checkEvidence(base, PT, now)).toMatchObject({ amount: 150000, pointType: 'OUTLET' });
    expect(() => checkEvidence({ ...base, pointType: 'HADIAH' }, PT, now)).toThrow(/Jenis poin tidak dikenal: "HADIAH"/);
    expect(() => checkEvidence({ ...base, description: '  ' }, PT, now)).toThrow(/Deskripsi wajib/);
    expect(() => checkEvidence({ ...base, amount: 0 }, PT, now)).toThrow(/lebih dari Rp 0/);
  });

  it('parses a pasted block and rejects it whole when any line is bad, listing every problem', () => {
    const resolve = (k: string) => (['C1', 'C2'].includes(k) ? k : k === 'Cikini' ? 'C1' : null);
    const ok = parseAllocationBlock(
      splitBlockText('C1, 2026-11, 28.488.600\nCikini\t2026-12\t1000000\nC2;2026-11;Rp 5.000.000'),
      resolve,
    );
    expect(ok.map((r) => [r.clusterId, r.month, r.amount])).toEqual([
      ['C1', '2026-11', 28488600],
      ['C1', '2026-12', 1000000],
      ['C2', '2026-11', 5000000],
    ]);
    const msg = thrownMessage(() =>
      parseAllocationBlock(
        splitBlockText('C1, 2026-11, 100000\nC7, 2026-11, 5\nC2, 2026-14, 100\nC2, 2026-11, -3\nC1, 2026-11, 200000'),
        resolve,
      ),
    );
    expect(msg).toMatch(/baris 2: cluster tidak dikenal/);
    expect(msg).toMatch(/baris 3: Bulan tidak valid/);
    expect(msg).toMatch(/baris 4: .*negatif/);
    expect(msg).toMatch(/baris 5: C1 November 2026 sudah ada di baris 1/);
  });

  it('keeps a split within the allocation', () => {
    expect(checkSplit({ OUTLET: '600.000', SF: 400000 }, PT, 1_000_000)).toEqual({ OUTLET: 600000, SF: 400000 });
    expect(() => checkSplit({ OUTLET: 600000, SF: 400001 }, PT, 1_000_000)).toThrow(/melebihi alokasi Rp\s1\.000\.000/);
    expect(() => checkSplit({ HADIAH: 1 }, PT, 1_000_000)).toThrow(/tidak dikenal/);
    expect(() => checkSplit({ OUTLET: 1 }, PT, null)).toThrow(/belum punya alokasi/);
  });
});
