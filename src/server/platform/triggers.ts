// ScriptApp: the add-on's hourly trigger, one per user and document (editor add-ons may have one time-driven trigger
// each): installing it, remembering which document it serves, recognising it when it fires, and telling whether a
// job's owner still has one.
//
// A time-driven run has no open document (docs/platform.md §11), so the document's id is stored at install time in
// the installer's user properties under the trigger's id. The document's state keeps a register of whose triggers
// serve it, with the last time each fired, so a sidebar can tell that a job's owner has no working trigger any more
// (left the company, removed the add-on): Apps Script lists only the caller's own triggers.
import { ownerStatus, type OwnerStatus } from '../core/owners';
import { adoptDocumentProperties, docJson, setDocJson } from './properties';
import { activeUserEmail, effectiveUserEmail } from './session';
import { currentSpreadsheet } from './sheets';

const HEARTBEAT_FN = 'heartbeat';
const DOC_OF_TRIGGER = 'DATADESK_HEARTBEAT_DOC_';
const SEEN = 'DATADESK_HEARTBEAT_SEEN_';
const REGISTER = 'HEARTBEATS';

interface HeartbeatEntry {
  uid: string;
  installedAt: number;
  lastBeatAt: number | null;
}
type HeartbeatRegister = Record<string, HeartbeatEntry>;

function myHeartbeat(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger | null {
  return ScriptApp.getUserTriggers(ss).find((t) => t.getHandlerFunction() === HEARTBEAT_FN) ?? null;
}

/** Who has a heartbeat serving this document, and when it last fired ({} without a document). */
function heartbeatRegister(): HeartbeatRegister {
  return currentSpreadsheet() ? docJson<HeartbeatRegister>(REGISTER, {}) : {};
}

/** Records that `uid` is this user's heartbeat for the open document (install, or a trigger from before this). */
function remember(uid: string, docId: string, now: number): void {
  const props = PropertiesService.getUserProperties();
  if (props.getProperty(DOC_OF_TRIGGER + uid) !== docId) props.setProperty(DOC_OF_TRIGGER + uid, docId);
  const reg = heartbeatRegister();
  const me = effectiveUserEmail();
  if (reg[me]?.uid !== uid) {
    reg[me] = { uid, installedAt: now, lastBeatAt: null };
    setDocJson(REGISTER, reg);
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

/**
 * Takes over what an older version left as this user opens a DataDesk sidebar in the document: the document of a
 * heartbeat installed before documents were remembered, and state kept in document properties. Checked once per user
 * and document (afterwards one property read), so the sidebars call it as they open.
 */
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

/** Notes that this user's heartbeat fired now (the document must be open or bound). */
export function recordBeat(uid: string, now: number): void {
  const reg = heartbeatRegister();
  const me = effectiveUserEmail();
  reg[me] = { uid, installedAt: reg[me]?.uid === uid ? reg[me].installedAt : now, lastBeatAt: now };
  setDocJson(REGISTER, reg);
}

/**
 * The caller's own heartbeat trigger that produced `e`, with the document it serves; null when the call did not come
 * from one of the caller's triggers (google.script.run can call any public function, heartbeat included).
 * `documentId` is null for a trigger installed before documents were remembered.
 */
export function ownTrigger(e: unknown): { uid: string; documentId: string | null } | null {
  const uid = (e as { triggerUid?: unknown } | null)?.triggerUid;
  if (typeof uid !== 'string' || !uid) return null;
  const mine = ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === HEARTBEAT_FN);
  if (!mine) return null;
  return { uid, documentId: PropertiesService.getUserProperties().getProperty(DOC_OF_TRIGGER + uid) };
}

/** Whether a job's owner still has a working hourly trigger in this document; for the caller, their own trigger
 * list decides. */
export function jobOwnerStatus(owner: string): OwnerStatus {
  const ss = currentSpreadsheet();
  const self = owner && owner.toLowerCase() === activeUserEmail() ? !!ss && !!myHeartbeat(ss) : undefined;
  return ownerStatus(owner, heartbeatRegister(), Date.now(), self);
}

/** jobOwnerStatus for a list of jobs: each owner looked up once. */
export function ownerStatusLookup(): (owner: string) => OwnerStatus {
  const seen = new Map<string, OwnerStatus>();
  return (owner) => {
    const known = seen.get(owner) ?? jobOwnerStatus(owner);
    seen.set(owner, known);
    return known;
  };
}

/** Installs a form-submit trigger of this spreadsheet for the user (once); true when it was created. */
export function ensureFormSubmitTrigger(handler: string): boolean {
  const ss = currentSpreadsheet();
  if (!ss) return false;
  const existing = ScriptApp.getUserTriggers(ss).some(
    (t) => t.getHandlerFunction() === handler && String(t.getEventType()) === 'ON_FORM_SUBMIT',
  );
  if (existing) return false;
  ScriptApp.newTrigger(handler).forSpreadsheet(ss).onFormSubmit().create();
  return true;
}

/** Whether the user has a trigger calling `handler` in this spreadsheet. */
export function hasUserTrigger(handler: string): boolean {
  const ss = currentSpreadsheet();
  return !!ss && ScriptApp.getUserTriggers(ss).some((t) => t.getHandlerFunction() === handler);
}
