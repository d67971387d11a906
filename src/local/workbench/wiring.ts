// Connects the workbench to the emulated services' host-side stores (sheets, Drive, mail, triggers).
import type { Runtime } from '../runtime/runtime';
import type { Backends, SheetsBackend, DriveBackend, TriggerBackend, DriveItem as Item, CellStyle } from './backend';
import { getSpreadsheetStore } from '../services/spreadsheet/store';
import { driveStore, DriveItem } from '../services/drive/store';
import { triggerStore } from '../services/script/store';
import { nextRuns, tick } from '../runtime/scheduler';
import { outboxStore } from '../services/mail/index';
import { readFileSync } from 'node:fs';
import { chartBox } from '../services/spreadsheet/chart-svg';
import type { MailBackend } from './backend';

function storeSheets(rt: Runtime): SheetsBackend {
  const store = () => getSpreadsheetStore(rt.env);
  return {
    async listDocuments() {
      return store()
        .list()
        .map((d) => ({ id: d.id, name: d.name }));
    },
    async describe(docId) {
      const book = store().get(docId);
      if (!book) throw new Error(`Spreadsheet not found: ${docId}`);
      return {
        id: book.id,
        name: book.name,
        sheets: book.sheets
          .filter((s) => !s.hidden)
          .map((s) => ({
            name: s.name,
            rows: s.maxRows,
            cols: s.maxCols,
            frozenRows: s.frozenRows,
            charts: s.charts.map((c) => ({ chartId: c.chartId, ...chartBox(c), version: book.updatedAt })),
          })),
      };
    },
    async window(docId, sheet, r0, c0, nRows, nCols) {
      const s = store();
      const values = s.displayWindow(docId, sheet, r0, c0, nRows, nCols);
      const styles =
        values.length && values[0].length ? s.styleWindow(docId, sheet, r0, c0, values.length, values[0].length) : null;
      return { values, styles: styles?.some((row) => row.some((x) => x !== null)) ? (styles as CellStyle[][]) : null };
    },
    async select(docId, user, sheet, r0, c0, nRows, nCols) {
      store().setSelection(docId, user, sheet, r0, c0, nRows, nCols);
    },
    async edit(docId, sheet, row, col, value, user) {
      store().userEdit(docId, sheet, row - 1, col - 1, value, user);
      await rt.env.flush();
    },
  };
}

function item(d: DriveItem): Item {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    mimeType: d.mimeType,
    size: d.size,
    updated: new Date(d.updated).toISOString(),
    trashed: d.trashed,
  };
}

/** The type Drive gives an uploaded file from its extension (what a browser upload sends for these). */
function mimeOf(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xls: 'application/vnd.ms-excel',
    csv: 'text/csv',
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
  };
  return types[ext] ?? 'application/octet-stream';
}

function folderFirst(a: DriveItem, b: DriveItem): number {
  return a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1;
}

function storeDrive(rt: Runtime): DriveBackend {
  const store = () => driveStore(rt.env);
  return {
    async list(folderId) {
      const s = store();
      const folder = s.require(folderId ?? s.rootId, 'folder');
      const path: Array<{ id: string; name: string }> = [];
      for (let cur: DriveItem | null = folder; cur; cur = cur.parents[0] ? s.get(cur.parents[0]) : null) {
        path.unshift({ id: cur.id, name: cur.name });
        if (path.length > 100) break;
      }
      return {
        folder: { id: folder.id, name: folder.name },
        path,
        items: s.children(folder.id, { trashed: false }).sort(folderFirst).map(item),
      };
    },
    async trash() {
      return store().trashedItems().sort(folderFirst).map(item);
    },
    async file(id) {
      const s = store();
      const f = s.require(id, 'file');
      return { name: f.name, mimeType: f.mimeType, bytes: s.readBytes(id) };
    },
    async upload(folderId, name, bytes, owner) {
      const s = store();
      s.require(folderId, 'folder');
      const created = s.createFile(folderId, name, bytes, mimeOf(name), owner);
      s.save();
      return item(created);
    },
  };
}

const LOOKAHEAD_MS = 62 * 24 * 3600_000;

function storeTriggers(rt: Runtime): TriggerBackend {
  return {
    async list() {
      const s = triggerStore(rt.env);
      const now = rt.env.clock.now();
      return s.list().map((t) => ({
        id: t.uid,
        fn: t.handler,
        kind: t.eventType,
        description: s.describe(t),
        user: t.owner,
        nextRun: nextRuns(t, now, new Date(now.getTime() + LOOKAHEAD_MS))[0]?.toISOString() ?? null,
      }));
    },
    async tick(to) {
      const r = await tick(rt, to);
      return r.fired.map((f) => ({
        fn: f.fn,
        at: f.at,
        user: f.user,
        ok: f.result.ok,
        error: f.result.error ? `${f.result.error.name}: ${f.result.error.message}` : null,
        durationMs: f.result.durationMs,
        logs: f.result.logs,
      }));
    },
  };
}

function storeMail(rt: Runtime): MailBackend {
  const store = () => outboxStore(rt.env);
  return {
    async outbox() {
      return store()
        .list()
        .map((m) => ({
          id: m.id,
          from: m.name ? `${m.name} <${m.from}>` : m.from,
          to: [...m.to, ...m.cc.map((x) => `cc ${x}`), ...m.bcc.map((x) => `bcc ${x}`)].join(', '),
          subject: m.subject,
          body: m.body,
          htmlBody: m.htmlBody,
          sentAt: m.sentAt,
          attachments: m.attachments.map((a) => ({
            name: a.name,
            mimeType: a.contentType ?? 'application/octet-stream',
            size: a.size,
          })),
        }));
    },
    async attachment(id, index) {
      const m = store().get(id);
      const a = m?.attachments[index];
      if (!m || !a) throw new Error(`no attachment ${index} in message ${id}`);
      return {
        name: a.name,
        mimeType: a.contentType ?? 'application/octet-stream',
        bytes: readFileSync(store().attachmentPath(id, index)),
      };
    },
  };
}

export function createBackends(rt: Runtime): Backends {
  return { sheets: storeSheets(rt), drive: storeDrive(rt), mail: storeMail(rt), triggers: storeTriggers(rt) };
}
