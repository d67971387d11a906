// The pull's order of steps over fake ports: preview writes nothing; a run writes file → sheet → metadata → suppression
// inside the transaction and the log after it; a failure anywhere before the commit leaves no sheet, file or record.
import { foreignWords } from '../../support/language';
import { thrown } from '../../support/thrown';
import type { Db, SqlRow, SqlValue } from '../../../src/server/core/db';
import { AppError } from '../../../src/server/core/errors';
import { postgres } from '../../../src/server/segments/dialect';
import { previewSegment, runSegment } from '../../../src/server/segments/pull';
import type { PullPorts } from '../../../src/server/segments/ports';
import { parseCounts, parseRows, toCsv } from '../../../src/server/segments/output';
import { NOW, wabaRequest } from './fixture';

const COUNTS: unknown[][] = [
  ['delivered', '', 2],
  ['invalid_phone', '', 3],
  ['opted_out', '', 1],
];
const LIST: unknown[][] = [
  ['R1', '=HYPERLINK("x")', '6281234567890'],
  ['R2', 'Budi, S.E.', '6281311112222'],
];

function fakes(opts: { failOn?: RegExp; folder?: { name: string; writable: boolean; trashed?: boolean } | null } = {}) {
  const log: string[] = [];
  const sheets = new Map<string, string[][]>();
  const files = new Map<string, { name: string; text: string; trashed: boolean }>();
  let committed = false;
  const db: Db = {
    statementCount: 0,
    query(sql: string): SqlRow[] {
      throw new Error(`the pull reads JSON only, not rows with metadata: ${sql.slice(0, 30)}`);
    },
    json<T>(sql: string, _p?: readonly SqlValue[]): T | null {
      log.push(`query ${sql.slice(0, 30)}`);
      if (opts.failOn?.test(sql)) throw new Error('boom in query');
      return (sql.includes('COUNT(*)') ? COUNTS : LIST) as T;
    },
    execute(sql: string) {
      log.push(`execute ${sql.slice(0, 30)}`);
      if (opts.failOn?.test(sql)) throw new Error('boom in execute');
      return 1;
    },
    batch: () => 0,
    transaction<T>(fn: (db: Db) => T): T {
      log.push('begin');
      try {
        const v = fn(this);
        committed = true;
        log.push('commit');
        return v;
      } catch (e) {
        log.push('rollback');
        throw e;
      }
    },
    close() {},
  };
  let n = 0;
  const folder = opts.folder === undefined ? { name: 'Segmen Kampanye', writable: true } : opts.folder;
  const ports: PullPorts = {
    db,
    dialect: postgres,
    now: () => NOW,
    user: 'analis@datadesk.local',
    newId: () => 'LIST-1',
    folder: () => {
      log.push('probe');
      return folder;
    },
    deliveryFolders: () => ['folder123'],
    sheetExists: (name) => sheets.has(name),
    insertTextSheet: (name, values) => {
      log.push('sheet');
      sheets.set(name, values);
      if (opts.failOn?.test('SHEET')) throw new Error('sheet failed');
    },
    deleteSheet: (name) => {
      log.push('deleteSheet');
      sheets.delete(name); // like deleteSheetNamed: a missing sheet is fine
    },
    appendRow: (names, _h, _f, row) => {
      const sheet = names.find((x) => sheets.has(x)) ?? names[0];
      log.push(`append ${sheet}`);
      sheets.set(sheet, [...(sheets.get(sheet) ?? []), row.map(String)]);
    },
    // Like Drive's parallel uploads: every file is tried; each one made or refused on its own; a file made in a
    // trashed folder is in the trash too.
    createFiles: (folderId, list) => {
      log.push(`files ${list.map((x) => x.name).join(' | ')}`);
      return list.map(({ name, content }) => {
        const id = `F${++n}`;
        if (!folder) return { error: `Drive: File not found: ${folderId}. (HTTP 404)` };
        if (opts.failOn?.test(`FILE${n}`) || !folder.writable) return { error: 'drive failed' };
        const trashed = folder.trashed === true;
        files.set(id, { name, text: typeof content === 'string' ? content : new TextDecoder().decode(content), trashed });
        return trashed ? { id, url: `https://drive/${id}`, inTrash: true } : { id, url: `https://drive/${id}` };
      });
    },
    trashFile: (id) => {
      log.push(`trash ${id}`);
      files.get(id)!.trashed = true;
    },
    sendMail: (to, subject) => log.push(`mail ${to} ${subject}`),
  };
  return { ports, log, sheets, files, committed: () => committed };
}

/** The pull's log from its upload of both files on. */
const fromUpload = (log: string[]) => log.slice(log.findIndex((l) => l.startsWith('files ')));
const UPLOAD =
  'files WABA Opening NEKA Serang Bogor 2026-11-23 1000.csv | WABA Opening NEKA Serang Bogor 2026-11-23 1000 - metadata.txt';

describe('segment pull over fake ports', () => {
  it('preview runs one query and writes nothing', () => {
    const f = fakes();
    const p = previewSegment(f.ports, wabaRequest());
    expect(p.counts).toMatchObject({
      found: 6,
      delivered: 2,
      dropped: expect.objectContaining({ invalid_phone: 3, opted_out: 1 }),
    });
    expect(p.lines[0]).toBe('Ditemukan: 6');
    expect(f.log).toEqual(['query SELECT CAST(json_agg(json_buil']);
    expect(f.sheets.size + f.files.size).toBe(0);
  });

  it('a run: scratch table, counts, rows, both files at once, sheet, suppression, commit, then the log and the mail', () => {
    const f = fakes();
    const req = wabaRequest();
    req.delivery.mailSummary = true;
    const r = runSegment(f.ports, req);
    expect(f.log.map((l) => l.split(' ')[0] + (l.startsWith('execute') ? ' ' + l.split(' ')[1] : ''))).toEqual([
      'begin',
      'execute LOCK',
      'execute SET',
      'execute DROP',
      'execute CREATE',
      'execute INSERT',
      'query',
      'query',
      'files',
      'sheet',
      'execute DELETE',
      'execute INSERT',
      'execute INSERT',
      'commit',
      'append',
      'mail',
    ]);
    expect(r.sheet).toBe('WABA Opening NEKA Serang Bogor 2026-11-23 1000');
    expect(f.sheets.get(r.sheet)).toEqual([
      ['ID RRR', 'Nama', 'WhatsApp'],
      ['R1', '=HYPERLINK("x")', '6281234567890'],
      ['R2', 'Budi, S.E.', '6281311112222'],
    ]);
    const csv = f.files.get('F1')!;
    expect(csv.name).toBe('WABA Opening NEKA Serang Bogor 2026-11-23 1000.csv');
    expect(csv.text).toBe('ID RRR,Nama,WhatsApp\r\nR1,"\'=HYPERLINK(""x"")",6281234567890\r\nR2,"Budi, S.E.",6281311112222\r\n');
    const meta = f.files.get('F2')!.text;
    expect(meta).toContain('Segmen: WABA Opening NEKA Serang Bogor');
    expect(meta).toContain('Kanal: WABA');
    expect(meta).toContain('Domisili kota: Serang, Bogor');
    expect(meta).toContain('12 bulan terakhir, 24 Nov 2025 – 23 Nov 2026 (offline & online)');
    expect(meta).toContain('Ditemukan: 6');
    expect(meta).toContain('Nomor HP/WA tidak valid: 3');
    expect(meta).toContain('Dikirim: 2');
    expect(meta).toMatch(/Dijalankan: 23 Nov 2026 10\.00\sWIB oleh analis@datadesk\.local/);
    expect(foreignWords(meta.slice(0, meta.indexOf('{')), 'id')).toEqual([]);
    expect(f.sheets.get('Log Segmen')![0]).toEqual(
      expect.arrayContaining(['WABA Opening NEKA Serang Bogor', 'Opening NEKA', 'WABA', '6', '4', '2', 'LIST-1']),
    );
    expect(r.mailed).toBe(true);
  });

  it.each([
    ['the suppression record', /INSERT INTO loyalty\.suppression/],
    ['the metadata file', /FILE2/],
    ['the list file', /FILE1/],
    ['the sheet', /SHEET/],
    ['the rows query', /json_agg/],
  ])('a failure at %s leaves no sheet, no file and no suppression record', (_what, failOn) => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = fakes({ failOn });
    const err = thrown(() => runSegment(f.ports, wabaRequest()));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PULL_FAILED');
    expect((err as AppError).messageEn).toMatch(/no sheet, file or suppression record was made/);
    expect(f.log).toContain('rollback');
    expect(f.committed()).toBe(false);
    expect(f.sheets.size).toBe(0);
    expect([...f.files.values()].every((x) => x.trashed)).toBe(true);
    expect(f.log.some((l) => l.startsWith('append') || l.startsWith('mail'))).toBe(false);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^segments: run failed: Error: /)); // the cause stays in the log
    logged.mockRestore();
  });

  it('a missing folder: the upload is refused, the folder is looked up for its own message, nothing is left', () => {
    const f = fakes({ folder: null });
    expect(thrown(() => runSegment(f.ports, wabaRequest()))).toMatchObject({
      code: 'NOT_FOUND',
      messageEn: expect.stringContaining('folder123'),
    });
    expect(fromUpload(f.log)).toEqual([UPLOAD, 'probe', 'rollback']);
    expect(f.committed()).toBe(false);
    expect(f.sheets.size + f.files.size).toBe(0);
  });

  it('a folder in the trash: the files Drive made there are trashed, no sheet, no record, never committed', () => {
    const f = fakes({ folder: { name: 'Segmen Kampanye', writable: true, trashed: true } });
    expect(thrown(() => runSegment(f.ports, wabaRequest()))).toMatchObject({
      code: 'NOT_FOUND',
      messageEn: expect.stringContaining('folder123'),
    });
    expect(fromUpload(f.log)).toEqual([UPLOAD, 'rollback', 'trash F1', 'trash F2']);
    expect(f.committed()).toBe(false);
    expect(f.sheets.size).toBe(0);
    expect([...f.files.values()].every((x) => x.trashed)).toBe(true);
  });

  it('a read-only folder: the upload is refused, the folder is probed for its own message, nothing is left', () => {
    const f = fakes({ folder: { name: 'Arsip', writable: false } });
    expect(thrown(() => runSegment(f.ports, wabaRequest()))).toMatchObject({
      messageEn: 'You cannot write to the folder "Arsip".',
    });
    expect(fromUpload(f.log)).toEqual([UPLOAD, 'probe', 'rollback']);
    expect(f.committed()).toBe(false);
    expect(f.sheets.size).toBe(0);
    expect(f.files.size).toBe(0);
  });

  it('a run into a writable folder never probes it (the upload proves it)', () => {
    const f = fakes();
    runSegment(f.ports, wabaRequest());
    expect(f.log).not.toContain('probe');
  });
});

describe('reading results back', () => {
  it('rows split by gender come out group by group, rank order kept', () => {
    const list = [
      ['R1', 'A', '1', 'M'],
      ['R2', 'B', '2', 'F'],
      ['R3', 'C', '3', 'M'],
      ['R4', 'D', '4', 'F'],
      ['R5', 'E', '5', 'M'],
    ];
    expect(parseRows(list, true).map((r) => r[0])).toEqual(['R2', 'R4', 'R1', 'R3', 'R5']);
    expect(parseRows(list, false).map((r) => r[0])).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    // Struct-aggregating dialects give objects; nulls become empty cells; no delivered row aggregates to NULL.
    expect(parseRows([{ c0: 'R9', c1: null, c2: '6281' }], false)).toEqual([['R9', '', '6281']]);
    expect(parseRows(null, false)).toEqual([]);
  });
  it('counts: found is every member the criteria matched; groups count delivered members only', () => {
    const c = parseCounts([
      ['delivered', 'F', 4],
      ['delivered', 'M', 6],
      { c0: 'over_cap', c1: '', c2: '5' }, // a struct-aggregating dialect's row, n as text
    ]);
    expect(c).toMatchObject({
      found: 15,
      delivered: 10,
      groups: { F: 4, M: 6 },
      dropped: expect.objectContaining({ over_cap: 5, opted_out: 0 }),
    });
    expect(() => parseCounts([['mystery', '', 1]])).toThrow(/unknown drop reason/);
    expect(parseCounts(null)).toMatchObject({ found: 0, delivered: 0 }); // no member matched: the aggregate is NULL
  });
  it('CSV: quoted where needed, formulas neutralised, phone digits untouched', () => {
    expect(
      toCsv(
        ['A', 'B'],
        [
          ['+6281234', '@SUM(1)'],
          ['-1', 'x"y'],
        ],
      ),
    ).toBe('A,B\r\n+6281234,\'@SUM(1)\r\n\'-1,"x""y"\r\n');
  });
  it('CSV: a leading TAB or carriage return is neutralised too (OWASP CSV injection)', () => {
    const csv = toCsv(['A'], [['\t=1+1'], ['\r=HYPERLINK("http://x")'], ["=cmd|' /C calc'!A0"], ['+62 812'], ['Rina']]);
    const cells = csv.split('\r\n').slice(1, -1);
    expect(cells).toEqual(["'\t=1+1", '"\'\r=HYPERLINK(""http://x"")"', "'=cmd|' /C calc'!A0", "'+62 812", 'Rina']);
  });
});
