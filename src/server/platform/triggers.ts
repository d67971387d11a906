// The add-on's hourly trigger, one per user and document (editor add-ons may have one time-driven trigger each):
// installing it, remembering which document it serves, and recognising it when it fires.
//
// A time-driven run has no open document, so the document's id is stored at install time in the installer's user
// properties under the trigger's id. The document's state keeps a register of whose triggers serve it, with the last
// time each fired, so a sidebar can tell that a job's owner has no working trigger any more (left the company,
// removed the add-on) — Apps Script lists only the caller's own triggers.
import { currentSpreadsheet } from './document';
import { adoptDocumentProperties, docStateJson, setDocStateJson } from './doc-state';
import { effectiveUserEmail } from './session';

export const HEARTBEAT_FN = 'heartbeat';
const DOC_OF_TRIGGER = 'DATADESK_HEARTBEAT_DOC_';
const REGISTER = 'HEARTBEATS';

export interface HeartbeatEntry {
  uid: string;
  installedAt: number;
  lastBeatAt: number | null;
}
export type HeartbeatRegister = Record<string, HeartbeatEntry>;

function myHeartbeat(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger | null {
  return ScriptApp.getUserTriggers(ss).find((t) => t.getHandlerFunction() === HEARTBEAT_FN) ?? null;
}

/** Records that `uid` is this user's heartbeat for the open document (install, or a trigger from before this). */
function remember(uid: string, docId: string, now: number): void {
  const props = PropertiesService.getUserProperties();
  if (props.getProperty(DOC_OF_TRIGGER + uid) !== docId) props.setProperty(DOC_OF_TRIGGER + uid, docId);
  const reg = heartbeatRegister();
  const me = effectiveUserEmail();
  if (reg[me]?.uid !== uid) {
    reg[me] = { uid, installedAt: now, lastBeatAt: null };
    setDocStateJson(REGISTER, reg);
  }
}

/** Installs this user's hourly heartbeat for the open document unless it is there; true when it was created. */
export function ensureHeartbeat(): boolean {
  const ss = currentSpreadsheet();
  if (!ss) return false;
  const existing = myHeartbeat(ss);
  const uid = existing
    ? existing.getUniqueId()
    : ScriptApp.newTrigger(HEARTBEAT_FN).timeBased().everyHours(1).create().getUniqueId();
  remember(uid, ss.getId(), Date.now());
  return !existing;
}

const SEEN = 'DATADESK_HEARTBEAT_SEEN_';

/** Takes over what an older version left as this user opens a DataDesk sidebar in the document: the document of a
 * heartbeat installed before documents were remembered, and state kept in document properties. Checked once per
 * user and document (afterwards one property read), so the sidebars call it as they open. */
export function adoptHeartbeat(): void {
  const ss = currentSpreadsheet();
  if (!ss) return;
  const props = PropertiesService.getUserProperties();
  const key = SEEN + ss.getId();
  if (props.getProperty(key)) return;
  adoptDocumentProperties();
  const t = myHeartbeat(ss);
  if (t) remember(t.getUniqueId(), ss.getId(), Date.now());
  props.setProperty(key, '1');
}

export function heartbeatInstalled(): boolean {
  const ss = currentSpreadsheet();
  return !!ss && !!myHeartbeat(ss);
}

/** Who has a heartbeat serving this document, and when it last fired. */
export function heartbeatRegister(): HeartbeatRegister {
  return currentSpreadsheet() ? docStateJson<HeartbeatRegister>(REGISTER, {}) : {};
}

/** Notes that this user's heartbeat fired now (the document must be open or bound). */
export function recordBeat(uid: string, now: number): void {
  const reg = heartbeatRegister();
  const me = effectiveUserEmail();
  reg[me] = { uid, installedAt: reg[me]?.uid === uid ? reg[me].installedAt : now, lastBeatAt: now };
  setDocStateJson(REGISTER, reg);
}

/**
 * The caller's own heartbeat trigger that produced `e`, with the document it serves; null when the call did not
 * come from one of the caller's triggers (google.script.run can call any public function, heartbeat included).
 * `documentId` is null for a trigger installed before documents were remembered.
 */
export function ownTrigger(e: unknown): { uid: string; documentId: string | null } | null {
  const uid = (e as { triggerUid?: unknown } | null)?.triggerUid;
  if (typeof uid !== 'string' || !uid) return null;
  const mine = ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === HEARTBEAT_FN);
  if (!mine) return null;
  return { uid, documentId: PropertiesService.getUserProperties().getProperty(DOC_OF_TRIGGER + uid) };
}
