// Xendit's callback as doPost reads it (only an invoice id, never a status or an amount) and its rate limit; the
// mail ledger's keys as a killed run leaves them.
import { admitCallback, invoiceIdOfCallback, PER_MINUTE } from '../../../src/server/mentoring/callback';
import { leftIntents } from '../../../src/server/mentoring/outbox';

describe('invoiceIdOfCallback', () => {
  it('takes the id of a JSON object and nothing else', () => {
    expect(invoiceIdOfCallback(JSON.stringify({ id: '579c8d61f23fa4ca35e52da4', status: 'PAID', amount: 1 }))).toBe(
      '579c8d61f23fa4ca35e52da4',
    );
    for (const bad of [
      undefined,
      null,
      42,
      '',
      'PAID',
      '[]',
      '{"id":5}',
      '{"id":"a b"}',
      '{"id":"<x>"}',
      '{"external_id":"MS1"}',
    ])
      expect(invoiceIdOfCallback(bad)).toBeNull();
    expect(invoiceIdOfCallback(JSON.stringify({ id: 'a'.repeat(65) }))).toBeNull();
    expect(invoiceIdOfCallback(JSON.stringify({ id: 'abc', pad: 'x'.repeat(20_000) }))).toBeNull();
  });
});

describe('admitCallback', () => {
  it('one check a minute per invoice', () => {
    expect(admitCallback({ last: null, recent: [] }, 1_000_000)).toEqual({ ok: true, recent: [1_000_000] });
    expect(admitCallback({ last: 1_000_000, recent: [1_000_000] }, 1_059_999).ok).toBe(false);
    expect(admitCallback({ last: 1_000_000, recent: [1_000_000] }, 1_060_000).ok).toBe(true);
  });
  it('at most PER_MINUTE checks in any minute in all; older ones drop out of the window', () => {
    const now = 5_000_000;
    const full = Array.from({ length: PER_MINUTE }, (_, i) => now - 59_000 + i);
    expect(admitCallback({ last: null, recent: full }, now).ok).toBe(false);
    const later = admitCallback({ last: null, recent: full }, now + 1_000);
    expect(later.ok).toBe(true);
    expect(later.recent.length).toBe(PER_MINUTE);
  });
});

describe('leftIntents', () => {
  it('reads the ledger keys in order and skips damaged ones', () => {
    expect(leftIntents(['MS1|pay|a@x.id', 'bad', 'MS2|confirm|b@x.id'])).toEqual([
      { orderId: 'MS1', kind: 'pay', to: 'a@x.id' },
      { orderId: 'MS2', kind: 'confirm', to: 'b@x.id' },
    ]);
  });
});
