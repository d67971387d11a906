// What the workbench reads and changes beside executions: sheets, Drive, mail, triggers. Each part is a small
// interface; wiring.ts implements them over the emulator's stores.
import type { ChartBox } from '../services/spreadsheet/chart-svg';

export interface SheetInfo {
  name: string;
  /** Rows and columns the grid shows (the sheet's size, at least the data's extent). */
  rows: number;
  cols: number;
  frozenRows: number;
  /** Column widths (1-based column → px) a script set; the others are Sheets' default 100 px. */
  colWidths?: Record<number, number>;
  /** Embedded charts to draw over the grid (drawn by GET /api/chart.svg). */
  charts?: Array<ChartBox & { chartId: number; version: string }>;
}

export interface DocInfo {
  id: string;
  name: string;
  sheets: SheetInfo[];
  /** The active sheet's name (a script's Sheet.activate or insertSheet moves it; so does a click in the grid). */
  active: string;
}

export type CellStyle = Record<string, string | number | boolean | null> | null;

export interface SheetsBackend {
  listDocuments(): Promise<Array<{ id: string; name: string }>>;
  /** The document as `user` sees it (their active sheet). */
  describe(docId: string, user: string): Promise<DocInfo>;
  /** Display values of a block (0-based origin), clipped to the sheet, with the formatting a script set (or null). */
  window(
    docId: string,
    sheet: string,
    r0: number,
    c0: number,
    nRows: number,
    nCols: number,
  ): Promise<{ values: string[][]; styles: CellStyle[][] | null }>;
  /** The user's selection (0-based), so getActiveRange() in the add-on sees it. */
  select(docId: string, user: string, sheet: string, r0: number, c0: number, nRows: number, nCols: number): Promise<void>;
  /** A user typing `value` into a cell (1-based), as `user`. */
  edit(docId: string, sheet: string, row: number, col: number, value: string, user: string): Promise<void>;
}

export interface DriveItem {
  id: string;
  name: string;
  kind: 'folder' | 'file';
  mimeType: string;
  size: number;
  updated: string;
  trashed: boolean;
  /** The owner's email; null in a Shared Drive (the drive owns its items). */
  owner: string | null;
  editors: string[];
  viewers: string[];
  /** Link sharing: PRIVATE, ANYONE_WITH_LINK, DOMAIN_WITH_LINK, … and what it allows. */
  access: string;
  permission: string;
  /** The viewing user's role: owner, organizer, fileOrganizer, writer, commenter, reader (or 'link'). */
  role: string;
}

/** A place the Drive panel starts from: the user's My Drive, "Shared with me", or a Shared Drive they belong to. */
export interface DrivePlace {
  id: string;
  name: string;
  kind: 'mydrive' | 'shared' | 'shareddrive';
}

export interface DriveListing {
  /** Whose Drive this is. */
  user: string;
  folder: { id: string; name: string };
  /** Root first. */
  path: Array<{ id: string; name: string }>;
  items: DriveItem[];
  places: DrivePlace[];
}

/** Drive as one user sees it: the workbench never shows a file to an identity Drive would refuse. */
export interface DriveBackend {
  /** A folder's content; null: the user's My Drive; 'shared': what others shared with them. */
  list(user: string, folderId: string | null): Promise<DriveListing>;
  trash(user: string): Promise<DriveItem[]>;
  file(user: string, id: string): Promise<{ name: string; mimeType: string; bytes: Uint8Array }>;
  /** A file `user` drops into a folder from their computer (owned by them, as an upload in Drive is); refused where
   * they may not add files. */
  upload(user: string, folderId: string, name: string, bytes: Uint8Array): Promise<DriveItem>;
}

export interface MailItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  sentAt: string;
  from: string;
  attachments: Array<{ name: string; mimeType: string; size: number }>;
}

export interface MailBackend {
  outbox(): Promise<MailItem[]>;
  attachment(id: string, index: number): Promise<{ name: string; mimeType: string; bytes: Uint8Array }>;
}

export interface TriggerInfo {
  id: string;
  fn: string;
  kind: string;
  description: string;
  user: string;
  nextRun: string | null;
}

export interface TickRun {
  fn: string;
  at: string;
  user: string;
  ok: boolean;
  error: string | null;
  durationMs: number;
  logs: string[];
}

export interface TriggerBackend {
  list(): Promise<TriggerInfo[]>;
  /** Moves the clock to `to`, firing every trigger due on the way. */
  tick(to: Date): Promise<TickRun[]>;
}

export interface Backends {
  sheets: SheetsBackend;
  drive: DriveBackend;
  mail: MailBackend;
  triggers: TriggerBackend;
}
