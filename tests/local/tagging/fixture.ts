// A tagging world in a fresh runtime: demo spreadsheet, roles, the Gemini stand-in, catalogue and product sheets.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { setScriptProperties, runSnippet } from '../../../src/local/demo/script';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { startGeminiStandin, GeminiStandin, GeminiStandinOptions } from '../../../src/local/standins/gemini';
import { writeTaggingDemo, DemoProduct, PRODUCT_SHEET } from '../../../src/local/demo/tagging';

export const ADMIN = 'admin@datadesk.local';
export const MERCH = 'merch@datadesk.local';
export const ANALYST = 'analis@datadesk.local';

export interface World {
  rt: Runtime;
  g: GeminiStandin;
  documentId: string;
  catalogue: DemoProduct[];
  /** Calls an RPC as the merchandiser (or `user`) like google.script.run would. */
  rpc<T>(fn: string, args?: unknown[], user?: string): Promise<T>;
  /** The product sheet's values (row 1 = header). */
  sheet(name?: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

export async function makeWorld(
  opts: {
    catalogue?: number;
    products?: number;
    settings?: Record<string, unknown>;
    standin?: GeminiStandinOptions;
    now?: string;
  } = {},
): Promise<World> {
  const g = await startGeminiStandin(opts.standin ?? {});
  // Long work: strict mode, the 6-minute limit on the projected Apps Script time.
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-tag-')), settings: { geminiUrl: g.url }, strict: true });
  rt.env.clock.advanceTo(new Date(opts.now ?? '2026-12-01T03:00:00Z'));
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: ADMIN }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [MERCH]: ['merchandiser'], [ANALYST]: ['analyst'] }),
  });
  const catalogue = await writeTaggingDemo(
    rt,
    documentId,
    g.url,
    opts.catalogue ?? 300,
    opts.products ?? 50,
    opts.settings ?? {},
  );
  return {
    rt,
    g,
    documentId,
    catalogue,
    rpc: <T>(fn: string, args: unknown[] = [], user = MERCH) => rt.call<T>(fn, args, { user, kind: 'rpc', documentId }),
    sheet: (name = PRODUCT_SHEET) =>
      runSnippet<unknown[][]>(
        rt,
        'var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args); return sh.getDataRange().getValues();',
        name,
        documentId,
      ),
    close: async () => {
      await g.close();
      await rt.env.close();
    },
  };
}

/** Parses an RPC failure's DATADESK_ERROR payload. */
export function rpcError(e: unknown): { code: string; message: string; messageEn: string } {
  const m = String((e as Error).message);
  return JSON.parse(m.slice(m.indexOf('DATADESK_ERROR:') + 'DATADESK_ERROR:'.length));
}
