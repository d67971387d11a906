// The server's RPC wrapper and user-facing errors: AppErrors cross with code and both languages, others stay in the log.
import { thrown, thrownMessage } from '../../support/thrown';
import { rpc } from '../../../src/server/core/rpc';
import { AppError, RPC_ERROR_PREFIX } from '../../../src/server/core/errors';
import { wibDate, previousMonth, parseMonth } from '../../../src/server/core/format';
import { msg as text } from '../../../src/server/core/text';
import { adminsOf, hasRole, parseRoleDirectory, requireRole } from '../../../src/server/core/access';

describe('rpc wrapper', () => {
  it('returns the body value untouched', () => {
    expect(rpc('x', () => ({ a: 1 }))).toEqual({ a: 1 });
  });

  it('sends an AppError as a DATADESK_ERROR payload', () => {
    const msg = thrownMessage(() =>
      rpc('x', () => {
        throw new AppError('INVALID', text('common.amount.zero', { what: text('common.amount.label') }), { field: 'amount' });
      }),
    );
    expect(msg.startsWith(RPC_ERROR_PREFIX)).toBe(true);
    expect(JSON.parse(msg.slice(RPC_ERROR_PREFIX.length))).toEqual({
      code: 'INVALID',
      message: 'Jumlah harus lebih dari Rp 0.',
      messageEn: 'Amount must be more than Rp 0.',
      details: { field: 'amount' },
    });
  });

  it('hides an unexpected error behind a generic message and logs its stack', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const msg = thrownMessage(() =>
      rpc('budget_x', () => {
        throw new TypeError('secret internals');
      }),
    );
    const payload = JSON.parse(msg.slice(RPC_ERROR_PREFIX.length));
    expect(payload.code).toBe('INTERNAL');
    expect(JSON.stringify(payload)).not.toContain('secret internals');
    expect(spy.mock.calls[0][0]).toContain('secret internals');
    spy.mockRestore();
  });
});

describe('WIB months', () => {
  it('reads dates in WIB (UTC+7) whatever the machine zone', () => {
    const d = new Date('2026-11-30T18:30:00Z'); // 01:30 on 1 December in Jakarta
    expect(wibDate(d)).toBe('2026-12-01');
  });

  it('parses months strictly and steps back across a year', () => {
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026-1')).toBeNull();
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});

describe('add-on roles', () => {
  const dir = parseRoleDirectory({ 'Admin@X.com': ['admin'], 'ana@x.com': ['analyst', 'wizard'], 'bad@x.com': 'admin' });
  it('normalises emails and drops unknown roles', () => {
    expect(dir).toEqual({ 'admin@x.com': ['admin'], 'ana@x.com': ['analyst'] });
  });
  it('lets an admin act in every role and refuses others with a message in both languages', () => {
    expect(hasRole(dir, 'admin@x.com', 'auditor')).toBe(true);
    expect(hasRole(dir, 'ana@x.com', 'auditor')).toBe(false);
    expect(() => requireRole(dir, 'ana@x.com', 'auditor')).toThrow(/Akses ditolak: ana@x.com bukan auditor/);
  });
  it('tells a user without the role which admins can give it, and where', () => {
    const two = parseRoleDirectory({ 'zed@x.com': ['admin'], 'amy@x.com': ['admin', 'auditor'], 'ana@x.com': ['analyst'] });
    expect(adminsOf(two)).toEqual(['amy@x.com', 'zed@x.com']);
    const e = thrown(() => requireRole(two, 'ana@x.com', 'merchandiser')) as AppError;
    expect([e.message, e.messageEn]).toEqual([
      'Akses ditolak: ana@x.com bukan merchandiser. Minta admin DataDesk (amy@x.com, zed@x.com) menambahkan peran Anda di Ekstensi ▸ DataDesk ▸ Pengaturan…',
      'Access denied: ana@x.com is not a merchandiser. Ask a DataDesk admin (amy@x.com, zed@x.com) to add your role under Extensions ▸ DataDesk ▸ Settings…',
    ]);
  });
});
