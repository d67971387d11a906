// `datadesk exec` runs a snippet as one execution (result, calls, projected time); `datadesk calibrate` loads the
// probe's JSON (tools/probe/probe.js, here run in the offline runtime itself) so the model uses measured constants.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Runtime } from '../../../src/local/runtime/runtime';
import { execCommand } from '../../../src/local/cli/exec';
import { calibrateCommand, costsCommand, probeSourcePath } from '../../../src/local/cli/calibrate';
import { CALIBRATION_FILE, geminiRefusedTokensCount } from '../../../src/local/runtime/calibration';
import { DEFAULT_KEY, startGeminiStandin } from '../../../src/local/standins/gemini';
import type { ProbeOutput } from '../../../src/local/runtime/calibration';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..');

/** Runs a command and returns what it printed. */
async function printed(f: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const code = await f();
    return { code, out: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('datadesk exec', () => {
  let rt: Runtime;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dd-exec-'));
    rt = new Runtime({ stateDir: join(dir, 'state') });
  });
  afterAll(() => rt.close());

  it('runs a function body as one execution and prints JSON with its result, calls and projected time', async () => {
    const file = join(dir, 'try.gs');
    writeFileSync(
      file,
      "PropertiesService.getScriptProperties().setProperty('idea', 'ok');\nreturn Session.getActiveUser().getEmail();",
    );
    const r = await printed(() => execCommand(rt, [file], { as: 'analis@datadesk.local', kind: 'rpc', json: true }));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: true, value: 'analis@datadesk.local', user: 'analis@datadesk.local' });
    expect(j.counts['Properties.setProperty']).toBe(1);
    expect(j.projectedMs).toBeGreaterThan(62);
    expect(j.cost.byService.PropertiesService).toBeCloseTo(62, 0);
  });

  it('calls --fn (default main) when the snippet defines it; a trigger runs without an open document', async () => {
    const file = join(dir, 'fns.gs');
    writeFileSync(
      file,
      'function helper() { return 2; }\nfunction main() { return [helper(), SpreadsheetApp.getActiveSpreadsheet() === null]; }',
    );
    const j = JSON.parse((await printed(() => execCommand(rt, [file], { kind: 'trigger', json: true }))).out);
    expect(j.value).toEqual([2, true]);
  });

  it('holds an rpc to what google.script.run can return, and prints the error', async () => {
    const file = join(dir, 'date.gs');
    writeFileSync(file, 'return new Date();');
    const r = await printed(() => execCommand(rt, [file], { kind: 'rpc' }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/google\.script\.run cannot return this value: result is a Date/);
    expect(r.out).toMatch(/projected Apps Script time: /);
    const menu = await printed(() => execCommand(rt, [file], { kind: 'menu' }));
    expect(menu.code).toBe(0);
  });

  it('the built command reads the snippet from standard input', () => {
    const home = mkdtempSync(join(tmpdir(), 'dd-exec-cli-'));
    const p = spawnSync('node', [join(ROOT, 'bin', 'datadesk.js'), 'exec', '-', '--json'], {
      input: 'var x = 0; for (var i = 0; i < 10; i++) x += i; return x;',
      env: { ...process.env, DATADESK_HOME: home },
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(p.status).toBe(0);
    const j = JSON.parse(p.stdout);
    expect(j.value).toBe(45);
    expect(j.cost.startupMs).toBeGreaterThan(0);
  });
});

describe('the probe and datadesk calibrate', () => {
  let rt: Runtime;
  let dir: string;
  let server: Server;
  let slowUrl = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dd-calibrate-'));
    rt = new Runtime({ stateDir: join(dir, 'state') });
    server = createServer((_q, res) => setTimeout(() => res.end('ok'), 200));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    slowUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/delay`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await rt.close();
  });

  it('the probe runs as plain Apps Script; calibrate makes the model use what it measured', async () => {
    const config = `
      PROBE_CONFIG.jdbcUrl = 'jdbc:postgresql://db.example.com:5432/datadesk';
      PROBE_CONFIG.jdbcUser = 'datadesk'; PROBE_CONFIG.jdbcPassword = 'datadesk';
      PROBE_CONFIG.slowUrl = '${slowUrl}'; PROBE_CONFIG.slowDelayMs = 200; PROBE_CONFIG.fetchAllRequests = 20;
      PROBE_CONFIG.bytesMB = 1; PROBE_CONFIG.cells = 2000;`;
    const run = await rt.execute({
      fn: 'probeAll',
      script: readFileSync(probeSourcePath(), 'utf8') + config,
      timeLimitMs: 120_000,
    });
    expect(run.error).toBeUndefined();
    const out = run.value as ProbeOutput & { skipped: Record<string, string> };
    expect(out.probe).toBe('datadesk-cost-probe');
    // Only the Gemini probe (a key) and the start-up probe (a web-app deployment) need more than the config here.
    expect(out.skipped).toEqual({
      probeGemini_: 'PROBE_CONFIG.geminiKey is empty',
      probeStartup_: expect.stringMatching(/deploy this project as a web app/),
    });
    for (const k of [
      'Spreadsheet.insertSheet',
      'Folder.createFile',
      'Folder.createFile.perMB',
      'DriveApp.createFile',
      'Jdbc.getConnection',
      'Jdbc:*',
      'JdbcResultSet.getRows',
      'bridge.byteArrayPerMB',
      'Properties.setProperty',
      'cpu.benchmarkMs',
    ])
      expect(typeof out.constants[k]).toBe('number');
    // The emulator's fetchAll runs 10 at once: the probe's estimate lands near that cap (timing on a loaded machine).
    expect(out.limits!.fetchAllConcurrency).toBeGreaterThanOrEqual(4);
    expect(out.limits!.fetchAllConcurrency).toBeLessThanOrEqual(20);

    const file = join(dir, 'probe.json');
    writeFileSync(file, JSON.stringify(out));
    const before = rt.costModel();
    expect(before.calibrated).toEqual([]);
    const r = await printed(() => calibrateCommand(rt, [file], {}));
    expect(r.code).toBe(0);
    expect(existsSync(join(rt.env.config.stateDir, CALIBRATION_FILE))).toBe(true);
    const model = rt.costModel();
    expect(model.calibrated).toEqual(
      expect.arrayContaining(['Jdbc:*', 'Jdbc.getConnection', 'cpuFactor', 'bridge.byteArrayPerMB']),
    );
    expect(model.costs['Jdbc:*'].ms).toBeCloseTo(out.constants['Jdbc:*'], 6);
    // The segments' deliverables are priced by what the probe measured: a new sheet, a file made in Drive.
    expect(model.costs['Spreadsheet.insertSheet']).toMatchObject({ ms: out.constants['Spreadsheet.insertSheet'], guess: false });
    expect(model.costs['Folder.createFile']).toMatchObject({
      ms: out.constants['Folder.createFile'],
      perMB: out.constants['Folder.createFile.perMB'],
      guess: false,
    });
    // The CPU factor is the probe's benchmark time over the emulator's time for the same function (load-dependent
    // here, where both ran in the emulator): measured, positive, and what calibration.json keeps.
    const stored = JSON.parse(readFileSync(join(rt.env.config.stateDir, CALIBRATION_FILE), 'utf8'));
    expect(model.cpuFactor.ms).toBeGreaterThan(0);
    expect(model.cpuFactor.ms).toBeCloseTo(stored.constants.cpuFactor, 9);
    expect(model.cpuFactor.guess).toBe(false);

    // Executions now project with the measured constants and say so.
    const after = await rt.execute({
      fn: 'main',
      script:
        'function main() { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 10; i++) p.setProperty("k", String(i)); }',
    });
    expect(after.cost.calibrated).toEqual(model.calibrated);
    // Ten calls at the measured constant, and the bridge's charge for the two short strings each passes (at the
    // string cost the probe measured, which depends on this machine's load): under 64 characters a call.
    const tenCalls = 10 * out.constants['Properties.setProperty'];
    const strings = (10 * 64 * model.bridge.stringPerMB.ms) / 1e6;
    expect(after.cost.byMethod['Properties.setProperty']).toBeGreaterThanOrEqual(tenCalls);
    expect(after.cost.byMethod['Properties.setProperty']).toBeLessThanOrEqual(tenCalls + strings);
    const listing = await printed(() => costsCommand(rt, [], {}));
    expect(listing.out).toMatch(/calibrated from /);
    expect(listing.out).toMatch(/Properties\.setProperty\s+[\d.]+ ms\s+measured \(calibrate\)/);

    // A file that is not the probe's is refused; --reset goes back to the table.
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}');
    await expect(calibrateCommand(rt, [join(dir, 'other.json')], {})).rejects.toThrow(
      /not the output of tools\/probe\/probe\.js/,
    );
    await printed(() => calibrateCommand(rt, [], { reset: true }));
    expect(rt.costModel().calibrated).toEqual([]);
  });
});

describe('the probe’s Gemini step: does a request refused for a dead picture link count against the minute?', () => {
  /** The probe's Gemini step alone (its private function, through a public one), against a fresh stand-in. */
  const probeGemini = async (refusedTokensCount: boolean) => {
    const g = await startGeminiStandin({
      tier: { name: 'tier1', rpm: 100, tpm: 200_000, rpd: 100 },
      imageMissing: (sku) => sku.startsWith('NOIMG'),
      refusedTokensCount,
    });
    const dir = mkdtempSync(join(tmpdir(), 'dd-probe-gemini-'));
    const rt = new Runtime({ stateDir: join(dir, 'state') });
    try {
      const config = `
        PROBE_CONFIG.geminiKey = '${DEFAULT_KEY}'; PROBE_CONFIG.geminiUrl = '${g.url}';
        PROBE_CONFIG.geminiTpm = 200000; PROBE_CONFIG.deadImageUrl = '${g.httpsUrl}/images/NOIMG-1.jpg';
        PROBE_CONFIG.geminiQuietMs = 0; PROBE_CONFIG.geminiAlignMinute = false;
        function probeGeminiHere() {
          var out = { probe: 'datadesk-cost-probe', version: 1, constants: {}, limits: {}, raw: {}, skipped: {} };
          probeGemini_(out);
          return out;
        }`;
      const run = await rt.execute({ fn: 'probeGeminiHere', script: readFileSync(probeSourcePath(), 'utf8') + config });
      expect(run.error).toBeUndefined();
      const out = run.value as ProbeOutput & { raw: { gemini: Record<string, unknown> } };
      // Calibrating from it makes every stand-in this state folder starts keep (or free) a refused request's tokens.
      const file = join(dir, 'probe.json');
      writeFileSync(file, JSON.stringify(out));
      const r = await printed(() => calibrateCommand(rt, [file], {}));
      expect(r.code).toBe(0);
      return { out, printed: r.out, counted: geminiRefusedTokensCount(rt.env.config.stateDir), stats: g.stats() };
    } finally {
      await rt.close();
      await g.close();
    }
  };

  it('finds the strict answer when the refused tokens stay in the minute: the answered request gets the 429', async () => {
    const p = await probeGemini(true);
    expect(p.out.limits?.geminiRefusedTokensCount).toBe(true);
    expect(p.out.raw.gemini).toMatchObject({ refused: [400, 400], answered: 429 });
    expect(p.counted).toBe(true);
    expect(p.printed).toMatch(/against the minute's tokens: yes/);
    expect(p.stats.urlRefusals).toBe(2);
  });

  it('finds them freed when the answered request goes through and the control over the minute gets the 429', async () => {
    const p = await probeGemini(false);
    expect(p.out.limits?.geminiRefusedTokensCount).toBe(false);
    expect(p.out.raw.gemini).toMatchObject({ refused: [400, 400], answered: 200, control: 429 });
    expect(p.counted).toBe(false);
    expect(p.printed).toMatch(/against the minute's tokens: no/);
  });

  it('a state folder without a calibration keeps the strict answer', () => {
    expect(geminiRefusedTokensCount(mkdtempSync(join(tmpdir(), 'dd-no-cal-')))).toBe(true);
  });
});
