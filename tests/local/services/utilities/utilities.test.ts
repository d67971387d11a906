// Utilities in the worker: formatDate with SimpleDateFormat in IANA zones, signed-byte digests, base64, blobs, zip, CSV.
// Behaviour from developers.google.com/apps-script/reference/utilities/utilities (docs/platform.md §7).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { formatDate } from '../../../../src/local/services/utilities/format-date';
import { parseCsv, formatString } from '../../../../src/local/services/utilities/text';

let rt: Runtime;
beforeAll(() => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-utils-')) });
});
afterAll(() => rt.close());
const run = <T = unknown>(body: string, args: unknown[] = []) =>
  rt.call<T>('main', args, { script: `function main(a, b) { ${body} }` });

describe('Utilities.formatDate (SimpleDateFormat, any IANA zone)', () => {
  const t = Date.UTC(2025, 0, 31, 17, 5, 9, 7); // Saturday 1 Feb 2025, 00:05:09.007 in Jakarta (UTC+7)

  it('formats every common letter in Asia/Jakarta inside a script', async () => {
    const s = await run<string>(
      `return Utilities.formatDate(new Date(a), 'Asia/Jakarta', "yyyy-MM-dd HH:mm:ss.SSS EEE EEEE MMM MMMM a h K k Z XXX X z D w W u 'o''clock' yy");`,
      [t],
    );
    expect(s).toBe("2025-02-01 00:05:09.007 Sat Saturday Feb February AM 12 0 24 +0700 +07:00 +07 WIB 32 5 1 6 o'clock 25");
  });

  it('follows daylight saving time and Java zone rules (custom GMT offsets; unknown ids become GMT)', () => {
    expect(formatDate(new Date(Date.UTC(2025, 6, 1, 12)), 'America/New_York', 'HH:mm Z z')).toBe('08:00 -0400 EDT');
    expect(formatDate(new Date(Date.UTC(2025, 0, 1, 12)), 'America/New_York', 'HH:mm XXX')).toBe('07:00 -05:00');
    expect(formatDate(new Date(Date.UTC(2025, 0, 1, 12)), 'GMT+7', 'HH:mm')).toBe('19:00');
    expect(formatDate(new Date(Date.UTC(2025, 0, 1, 12)), 'Not/AZone', 'HH:mm X')).toBe('12:00 Z');
    expect(formatDate(new Date(Date.UTC(2025, 0, 1, 12)), 'Asia/Kolkata', 'hh:mm a, d MMM yyyy')).toBe('05:30 PM, 1 Jan 2025');
    // The week holding 1 January is week 1 of the next week-year (US rules).
    expect(formatDate(new Date(Date.UTC(2024, 11, 31, 12)), 'UTC', 'w YYYY yyyy')).toBe('1 2025 2024');
  });

  it('rejects an illegal pattern letter as SimpleDateFormat does', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() { return Utilities.formatDate(new Date(), 'Asia/Jakarta', 'yyyy-qq'); }`,
    });
    expect(r.error?.message).toBe("Illegal pattern character 'q'");
  });
});

describe('Utilities bytes and text', () => {
  it('computeDigest returns signed bytes: SHA-256("abc") begins -70, 120, 22, -65 (utilities#computeDigest)', async () => {
    const v = await run<number[]>(`return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');`);
    expect(v.length).toBe(32);
    expect(v.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(v.every((b) => b >= -128 && b <= 127)).toBe(true);
    const hex = v.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('computes HMAC-SHA256 (RFC 4231 test case 2) and MD5 of bytes', async () => {
    const v = await run<number[][]>(`return [Utilities.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe'),
      Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, 'what do ya want for nothing?', 'Jefe'),
      Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, [97, 98, 99])];`);
    const hex = (b: number[]) => b.map((x) => (x & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex(v[0])).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(v[1]).toEqual(v[0]);
    expect(hex(v[2])).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('base64 round trips, web-safe alphabet, signed decode, and a clear error on bad input (utilities#base64Decode)', async () => {
    const v = await run<unknown[]>(`var bytes = [-1, -2, 0, 62, 63, 127, -128];
      var enc = Utilities.base64Encode(bytes), web = Utilities.base64EncodeWebSafe(bytes);
      return [enc, web, Utilities.base64Decode(enc), Utilities.base64DecodeWebSafe(web), Utilities.base64Encode('Rp 28.488.600 — ok'),
              Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('héllo'))).getDataAsString()];`);
    expect(v).toEqual([
      '//4APj9/gA==',
      '__4APj9_gA==',
      [-1, -2, 0, 62, 63, 127, -128],
      [-1, -2, 0, 62, 63, 127, -128],
      Buffer.from('Rp 28.488.600 — ok').toString('base64'),
      'héllo',
    ]);
    const bad = await rt.execute({ fn: 'main', script: `function main() { return Utilities.base64Decode('not*base64'); }` });
    expect(bad.error?.message).toBe('Could not decode string.');
  });

  it('zips and unzips blobs, keeping names and bytes (utilities#zip, #unzip)', async () => {
    const v =
      await run<unknown>(`var z = Utilities.zip([Utilities.newBlob('a,b\\n1,2', 'text/csv', 'data.csv'), Utilities.newBlob([0, -1, 5], 'application/octet-stream', 'raw.bin')], 'out.zip');
      var parts = Utilities.unzip(z);
      return [z.getName(), z.getContentType(), parts.map(function (p) { return [p.getName(), p.getBytes()]; }), parts[0].getDataAsString(), parts[0].getContentType()];`);
    expect(v).toEqual([
      'out.zip',
      'application/zip',
      [
        ['data.csv', [97, 44, 98, 10, 49, 44, 50]],
        ['raw.bin', [0, -1, 5]],
      ],
      'a,b\n1,2',
      'text/csv',
    ]);
  });

  it('names entries by their full path, wants a zip content type and says "Could not unzip." for a bad archive', async () => {
    const { zipSync } = await import('fflate');
    const xlsx = zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array([60, 120, 47, 62]),
    });
    const encrypted = xlsx.slice();
    // mark every entry encrypted (general purpose flag bit 0) in the local headers and the central directory
    for (let i = 0; i + 4 <= encrypted.length; i++) {
      const sig = encrypted[i] | (encrypted[i + 1] << 8) | (encrypted[i + 2] << 16) | (encrypted[i + 3] << 24);
      if (sig === 0x04034b50) encrypted[i + 6] |= 1;
      if (sig === 0x02014b50) encrypted[i + 8] |= 1;
    }
    const v = await run<unknown[]>(
      `var type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
       var blob = Utilities.newBlob(a, type, 'Laporan.xlsx');
       var out = [];
       try { Utilities.unzip(blob); } catch (e) { out.push(e.message); }
       var parts = Utilities.unzip(blob.setContentType('application/zip'));
       out.push(parts.map(function (p) { return [p.getName(), p.getContentType()]; }));
       try { Utilities.unzip(Utilities.newBlob([1, 2, 3, 4], 'application/zip', 'broken.zip')); } catch (e) { out.push(e.message); }
       try { Utilities.unzip(Utilities.newBlob(b, 'application/zip', 'secret.zip')); } catch (e) { out.push(e.message); }
       out.push(Utilities.zip([Utilities.newBlob('x', 'text/plain', 'a.txt')]).getName());
       try { Utilities.zip([Utilities.newBlob('x', 'text/plain', 'a.txt'), Utilities.newBlob('y', 'text/plain', 'a.txt')]); } catch (e) { out.push(e.message); }
       return out;`,
      [Array.from(xlsx), Array.from(encrypted)],
    );
    expect(v).toEqual([
      'Could not unzip.',
      [
        ['[Content_Types].xml', 'application/xml'],
        ['xl/worksheets/sheet1.xml', 'application/xml'],
      ],
      'Could not unzip.',
      'Could not unzip.',
      'archive.zip',
      'duplicate entry: a.txt',
    ]);
  });

  it('parses CSV with quotes, embedded delimiters and line breaks; formats strings; makes UUIDs; sleeps', async () => {
    const v = await run<unknown[]>(`var t0 = Date.now(); Utilities.sleep(120);
      return [Utilities.parseCsv('id,name\\n1,"Budi, S."\\n2,"say ""hi""\\nthere"\\n'), Utilities.parseCsv('a;b', ';'),
              Utilities.formatString('%s punya %d item @ %.2f (%05d|%-4s|)', 'Ani', 3, 1.5, 42, 'x'), Utilities.getUuid(), Date.now() - t0];`);
    expect(v[0]).toEqual([
      ['id', 'name'],
      ['1', 'Budi, S.'],
      ['2', 'say "hi"\nthere'],
    ]);
    expect(v[1]).toEqual([['a', 'b']]);
    expect(v[2]).toBe('Ani punya 3 item @ 1.50 (00042|x   |)');
    expect(v[3]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(v[4]).toBeGreaterThanOrEqual(110);
    expect(parseCsv('')).toEqual([]);
    expect(formatString('%+d%%', 5)).toBe('+5%');
  });

  // brucemcpherson/gas-fakes test/testutilities.js, whose expected values come from live Apps Script: strings without
  // a charset are digested as US-ASCII ("€🙂" as "??"), with UTF_8 as UTF-8; bytes as they are.
  it('digests and signs strings without a charset as US-ASCII, as Apps Script does (gas-fakes live values)', async () => {
    const v = await run<number[][]>(`var U = Utilities;
      return [U.computeDigest(U.DigestAlgorithm.MD5, '€🙂'), U.computeDigest(U.DigestAlgorithm.MD5, '€🙂', U.Charset.UTF_8),
        U.computeHmacSha256Signature('café', '€🙂').slice(0, 4), U.computeHmacSha256Signature('this is my input', 'my key - use a stronger one').slice(0, 4),
        U.computeDigest(U.DigestAlgorithm.MD5, U.newBlob('€🙂').getBytes())];`);
    expect(v[0]).toEqual([-22, 3, -4, -72, -60, 120, 34, -68, -25, 114, -49, 108, 7, -48, -21, -69]);
    expect(v[1]).toEqual([-71, 89, 42, -99, 35, -63, -51, -82, 83, 46, 87, -53, -35, -67, 116, -6]);
    expect(v[2]).toEqual([-125, 73, -127, -128]);
    expect(v[3]).toEqual([53, -75, -52, -25]);
    // a blob's bytes are UTF-8 (newBlob of a string), so they digest like UTF_8
    expect(v[4]).toEqual(v[1]);
  });

  it("checks computeDigest/computeHmac* arguments with Apps Script's signature text", async () => {
    const cases: Array<[string, RegExp]> = [
      [
        "Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'x', Utilities.Charset.US_ASCII, 4)",
        /^The parameters \(String,String,String,number\) don't match the method signature for Utilities\.computeDigest\.$/,
      ],
      ["Utilities.computeDigest('x')", /^The parameters \(String\) don't match/],
      [
        'Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, [0, 1, 2], Utilities.Charset.UTF_8)',
        /^The parameters \(String,number\[\],String\) don't match/,
      ],
      [
        "Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'x', 'fake')",
        /don't match the method signature for Utilities\.computeDigest/,
      ],
      ["Utilities.computeDigest('fake', 'x', Utilities.Charset.US_ASCII)", /don't match/],
      [
        "Utilities.computeHmacSha256Signature([1, 2], 'key')",
        /^The parameters \(number\[\],String\) don't match the method signature for Utilities\.computeHmacSha256Signature\.$/,
      ],
      ["Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, ['1woah'])", /^Cannot convert/],
    ];
    for (const [call, re] of cases) {
      const r = await rt.execute({ fn: 'main', script: `function main() { return ${call}; }` });
      expect([call, r.error?.message]).toEqual([call, expect.stringMatching(re)]);
    }
  });

  it('names an unnamed zip archive.zip (gas-fakes live tests)', async () => {
    expect(await run(`return Utilities.zip([Utilities.newBlob('a', 'text/plain', 'a.txt')]).getName();`)).toBe('archive.zip');
  });

  it('counts calls and refuses what is not emulated with a clear error', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() { Utilities.getUuid(); Utilities.getUuid(); Utilities.computeRsaSha256Signature('x', 'k'); }`,
    });
    expect(r.counts['Utilities.getUuid']).toBe(2);
    expect(r.error?.message).toBe('not emulated: Utilities.computeRsaSha256Signature');
  });
});
