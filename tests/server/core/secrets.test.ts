// Secrets are masked where errors become text: the patterns (URLs, headers, JSON, key shapes), the values an execution
// registered, errors' messages and stacks, AppErrors and the RPC payload.
import { maskDeep, maskSecrets, MASK, registerSecret } from '../../../src/server/core/secrets';
import { AppError, errorMessage, errorStack, toPayload } from '../../../src/server/core/errors';
import { rpc } from '../../../src/server/core/rpc';
import { msg } from '../../../src/server/core/text';
import { thrownMessage } from '../../support/thrown';

describe('maskSecrets', () => {
  it.each([
    [
      'Address unavailable: https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k3y-abc&token=t0k-def',
      ['k3y-abc', 't0k-def'],
    ],
    ['jdbc:postgresql://db.example.com:5432/dd?user=dd&password=hunter2secret', ['hunter2secret']],
    ['postgres://datadesk:pa55w0rd@127.0.0.1:5432/datadesk', ['pa55w0rd', 'datadesk:']],
    ['https://api.telegram.org/bot123456:ABC-def_1/sendMessage?chat_id=-1', ['ABC-def_1']],
    ['https://discord.com/api/webhooks/123/abcDEF-xyz', ['abcDEF-xyz']],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', ['eyJhbGciOiJIUzI1NiJ9']],
    ['x-goog-api-key: AIzaSyD-0123456789abcdefghijklmnopqrstu', ['AIzaSyD-0123456789']],
    ['the key AIzaSyD-0123456789abcdefghijklmnopqrstu is invalid', ['AIzaSyD-0123456789']],
    ['Xendit refused xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5', ['P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5']],
    ['{"error":{"apiKey":"sk-live-123456","password":"p@ss word"}}', ['sk-live-123456', 'p@ss word']],
    ['callback with x-callback-token=cb-tok-777 failed', ['cb-tok-777']],
  ])('%s', (text, secrets) => {
    const out = maskSecrets(text);
    for (const s of secrets) expect(out).not.toContain(s);
    expect(out).toContain(MASK);
  });

  it('keeps what is not secret: hosts, paths, ordinary text and Drive links', () => {
    expect(maskSecrets('Address unavailable: https://chat.googleapis.com/v1/spaces/AAAA/messages?key=x1&token=y2')).toBe(
      `Address unavailable: https://chat.googleapis.com/v1/spaces/AAAA/messages?key=${MASK}&token=${MASK}`,
    );
    for (const t of [
      'https://drive.google.com/file/d/1AbC/view?usp=drivesdk',
      'Laporan 2026-10 terbit: 6 file, 300 baris.',
      'Bulan tidak valid: "2026/10" (format YYYY-MM)',
      'analis@datadesk.local',
    ])
      expect(maskSecrets(t)).toBe(t);
  });

  it('masks the values this execution registered, wherever they appear, longest first', () => {
    registerSecret('gemini-Key-0000-SECRET');
    registerSecret('https://chat.googleapis.com/v1/spaces/B/messages?key=chatkey123&token=chattoken456');
    registerSecret('abc'); // too short to mask safely: ignored
    expect(maskSecrets('upstream said: bad key gemini-Key-0000-SECRET (400)')).toBe(`upstream said: bad key ${MASK} (400)`);
    expect(maskSecrets('echo chattoken456 and chatkey123')).toBe(`echo ${MASK} and ${MASK}`);
    expect(maskSecrets('abc')).toBe('abc');
  });

  it('a registered value right after an @ is a mail or host domain, shown anyway: kept there, masked elsewhere', () => {
    registerSecret('datadesk'); // the demo database password
    expect(maskSecrets('milik admin@datadesk.local')).toBe('milik admin@datadesk.local');
    expect(maskSecrets('login datadesk failed for datadesk@db')).toBe(`login ${MASK} failed for ${MASK}@db`);
  });

  it('maskDeep masks every string of an answer and leaves file contents (long base64) alone', () => {
    const big = 'AIzaSyD-0123456789abcdefghijklmnopqrstu'.repeat(3000);
    const v = { a: ['ok', { b: 'token=zzz999' }], n: 1, big, nul: null };
    const out = maskDeep(v);
    expect(out).toEqual({ a: ['ok', { b: `token=${MASK}` }], n: 1, big, nul: null });
    const clean = { a: ['x'], b: 'y' };
    expect(maskDeep(clean)).toBe(clean);
  });
});

describe('where errors become text', () => {
  const e = new Error('Address unavailable: http://127.0.0.1:9/hook?key=k-123456&token=t-654321');
  it('errorMessage and errorStack mask', () => {
    expect(errorMessage(e)).not.toMatch(/k-123456|t-654321/);
    expect(errorStack(e)).not.toMatch(/k-123456|t-654321/);
    expect(errorMessage('password=swordfish1')).toBe(`password=${MASK}`);
  });

  it('an AppError built from such a message, and the RPC payload, carry no secret', () => {
    const a = new AppError('X', msg('common.error.unexpected', { detail: e.message }), { url: e.message });
    expect(JSON.stringify(toPayload(a))).not.toMatch(/k-123456|t-654321/);
    const m = thrownMessage(() =>
      rpc('x', () => {
        throw a;
      }),
    );
    expect(m).toMatch(/^DATADESK_ERROR:/);
    expect(m).not.toMatch(/k-123456|t-654321/);
  });

  it("an RPC's successful answer is masked too", () => {
    expect(rpc('x', () => ({ status: 'alert: HTTP 0: http://h/x?token=abcdef123' }))).toEqual({
      status: `alert: HTTP 0: http://h/x?token=${MASK}`,
    });
  });
});
