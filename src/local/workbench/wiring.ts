// Connects the workbench to the emulated services' host-side stores (sheets, Drive, mail, triggers).
import type { Runtime } from '../runtime/runtime';
import type { Backends, SheetsBackend, DriveBackend, DrivePlace, TriggerBackend, DriveItem as Item, CellStyle } from './backend';
import { getSpreadsheetStore } from '../services/spreadsheet/store';
import { driveStore, DriveItem } from '../services/drive/store';
import { triggerStore } from '../services/script/store';
import { nextRuns, tick } from '../runtime/scheduler';
import { outboxStore } from '../services/mail/index';
import { readFileSync } from 'node:fs';
import { chartBox } from '../services/spreadsheet/chart-svg';
import type { MailBackend } from './backend';
import { HttpError } from './http';

function storeSheets(rt: Runtime): SheetsBackend {
  const store = () => getSpreadsheetStore(rt.env);
  return {
    async listDocuments() {
      return store()
        .list()
        .map((d) => ({ id: d.id, name: d.name }));
    },
    async describe(docId, user) {
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
            colWidths: s.colWidths,
            charts: s.charts.map((c) => ({ chartId: c.chartId, ...chartBox(c), version: book.updatedAt })),
          })),
        active: store().activeSheetName(docId, user),
      };
    },
    async window(docId, sheet, r0, c0, nRows, nCols) {
      const s = store();
      const values = s.displayWindow(docId, sheet, r0, c0, nRows, nCols);
      const styles =
        values.length && values[0].length ? s.styleWindow(docId, sheet, r0, c0, values.length, values[0].length) : null;
      // text that reads like a number keeps text's alignment (the grid would take it for a number)
      if (styles)
        for (const [i, j] of s.numericTextWindow(docId, sheet, r0, c0, values))
          styles[i][j] = { ...styles[i][j], valueType: 'text' };
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

function folderFirst(a: Item, b: Item): number {
  return a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1;
}

/** Refused like Drive refuses: the workbench shows an identity only what Drive would show them. */
const noAccess = (what: string) => new HttpError(404, what);

function storeDrive(rt: Runtime): DriveBackend {
  const store = () => driveStore(rt.env);
  const item = (user: string, d: DriveItem): Item => {
    const s = store();
    return {
      id: d.id,
      name: d.name,
      kind: d.kind,
      mimeType: d.mimeType,
      size: d.size,
      updated: new Date(d.updated).toISOString(),
      trashed: d.trashed,
      owner: d.owner || null,
      editors: [...d.editors],
      viewers: [...d.viewers],
      access: d.access,
      permission: d.permission,
      role: s.roleOf(user, d.id) ?? 'link',
    };
  };
  const places = (user: string): DrivePlace[] => [
    { id: '', name: 'My Drive', kind: 'mydrive' },
    { id: 'shared', name: 'Shared with me', kind: 'shared' },
    ...store()
      .sharedDrives()
      .filter((d) => d.members[user.toLowerCase()])
      .map((d) => ({ id: d.id, name: d.name, kind: 'shareddrive' as const })),
  ];
  return {
    async list(user, folderId) {
      const s = store();
      if (folderId === 'shared') {
        // shared with the user and not inside a folder they can already open (Drive's "Shared with me")
        const items = s
          .all({ trashed: false })
          .filter(
            (it) =>
              !it.driveId &&
              it.owner !== user.toLowerCase() &&
              s.isListedFor(user, it.id) &&
              !(it.parents[0] && s.isListedFor(user, it.parents[0])),
          );
        return {
          user,
          folder: { id: 'shared', name: 'Shared with me' },
          path: [{ id: 'shared', name: 'Shared with me' }],
          items: items.map((d) => item(user, d)).sort(folderFirst),
          places: places(user),
        };
      }
      const folder = s.get(folderId ?? s.rootOf(user));
      if (folder?.kind !== 'folder' || !s.canRead(user, folder.id)) throw noAccess('No such folder for this user');
      const path: Array<{ id: string; name: string }> = [];
      for (
        let cur: DriveItem | null = folder;
        cur && s.canRead(user, cur.id);
        cur = cur.parents[0] ? s.get(cur.parents[0]) : null
      ) {
        path.unshift({ id: cur.id, name: cur.name });
        if (path.length > 100) break;
      }
      if (!s.isRoot(path[0]?.id ?? '')) path.unshift({ id: 'shared', name: 'Shared with me' });
      return {
        user,
        folder: { id: folder.id, name: folder.name },
        path,
        items: s
          .children(folder.id, { trashed: false })
          .filter((it) => s.canRead(user, it.id))
          .map((d) => item(user, d))
          .sort(folderFirst),
        places: places(user),
      };
    },
    async trash(user) {
      return store()
        .trashedItems(user)
        .map((d) => item(user, d))
        .sort(folderFirst);
    },
    async file(user, id) {
      const s = store();
      const f = s.get(id);
      if (f?.kind !== 'file' || !s.canRead(user, id)) throw noAccess('No such file for this user');
      if (f.mimeType.startsWith('application/vnd.google-apps.')) throw noAccess('A Google file has no bytes to show');
      return { name: f.name, mimeType: f.mimeType, bytes: s.readBytes(id) };
    },
    async upload(user, folderId, name, bytes) {
      const s = store();
      const folder = s.get(folderId);
      if (folder?.kind !== 'folder' || !s.canWrite(user, folderId)) throw noAccess('No such folder this user may add to');
      const created = s.createFile(folderId, name, bytes, mimeOf(name), user.toLowerCase());
      s.save();
      return item(user, created);
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
