// A tagging world in a fresh runtime: demo spreadsheet, roles, the Gemini stand-in, catalogue and product sheets.
import type { Progress } from '../../../src/server/tagging/job';
import { decodeRpcError, type RpcArgs, type RpcName, type RpcResult } from '../../../src/client/core/rpc';
import type { RpcErrorPayload } from '../../../src/server/core/errors';
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
  /** Calls an RPC as the merchandiser (or `user`) like google.script.run would; a failure rejects (see rpcError). */
  rpc<K extends RpcName>(fn: K, ...args: RpcArgs<K>): Promise<RpcResult<K>>;
  /** Runs one chunk of the job (as the sidebar does) and gives its progress; throws when there is no job. */
  chunk(jobId: string): Promise<Progress>;
  /** The same as another user. */
  rpcAs<K extends RpcName>(user: string, fn: K, ...args: RpcArgs<K>): Promise<RpcResult<K>>;
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
    // w.chunk drives one lane, so a test's chunk takes the whole chunk size unless the test asks for more workers.
    { workers: 1, ...opts.settings },
  );
  return {
    rt,
    g,
    documentId,
    catalogue,
    rpc: (fn, ...args) => rt.call(fn, args, { user: MERCH, kind: 'rpc', documentId }),
    rpcAs: (user, fn, ...args) => rt.call(fn, args, { user, kind: 'rpc', documentId }),
    chunk: async (jobId) => {
      const r = await rt.call<RpcResult<'tagging_runChunk'>>('tagging_runChunk', [jobId], {
        user: MERCH,
        kind: 'rpc',
        documentId,
      });
      if (!r.progress) throw new Error(`tagging_runChunk ${jobId}: no job`);
      return r.progress;
    },
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

/** The DataDesk error an RPC rejected with (the client's one decoder); throws when it was not DataDesk's own. */
export function rpcError(e: unknown): RpcErrorPayload {
  const p = decodeRpcError(String((e as Error).message));
  if (!p) throw new Error(`not a DataDesk error: ${String(e)}`);
  return p;
}
