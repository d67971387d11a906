// Rupiah amounts: whole, positive, sane; typed as people write them (Indonesian separators, "1,5 jt").
import { checkAmount as parseAmount, MAX_AMOUNT } from '../../../src/server/budget/money';
import { msg } from '../../../src/server/core/text';

describe('parseAmount', () => {
  it('accepts numbers and Indonesian-formatted text', () => {
    expect(parseAmount(28488600)).toBe(28488600);
    expect(parseAmount('28488600')).toBe(28488600);
    expect(parseAmount('28.488.600')).toBe(28488600);
    expect(parseAmount('Rp 28.488.600')).toBe(28488600);
    expect(parseAmount('Rp28.488.600,00')).toBe(28488600);
    expect(parseAmount('1,5 jt')).toBe(1500000);
    expect(parseAmount('Rp 2.000.000')).toBe(2000000);
  });
  it('rejects zero, negative, fractional and absurd amounts with specific messages', () => {
    expect(() => parseAmount(0)).toThrow(/lebih dari Rp 0/);
    expect(() => parseAmount('-5000')).toThrow(/negatif/);
    expect(() => parseAmount(-5000)).toThrow(/negatif/);
    expect(() => parseAmount(1500.5)).toThrow(/bulat/);
    expect(() => parseAmount('1.500,50')).toThrow(/bulat/);
    expect(() => parseAmount('1500.5')).toThrow(/bulat/);
    expect(() => parseAmount(MAX_AMOUNT + 1)).toThrow(/terlalu besar/);
    expect(() => parseAmount('1e12')).toThrow(/bukan angka/);
    expect(() => parseAmount(Number.NaN)).toThrow(/bukan angka/);
    expect(() => parseAmount(null)).toThrow(/Jumlah wajib diisi/);
    expect(() => parseAmount('', msg('budget.recommendation.label', { code: 'SF' }))).toThrow(/Rekomendasi SF wajib diisi/);
    expect(() => parseAmount('1; DROP TABLE budget.evidence')).toThrow(/bukan angka/);
  });
  it('allows zero where asked (recommendations)', () => {
    expect(parseAmount('0', msg('budget.recommendation.label', { code: 'SF' }), true)).toBe(0);
  });
});
