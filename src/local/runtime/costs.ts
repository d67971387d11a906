// The cost model: what each Apps Script service call costs in Google, with its source or marked as a guess.
//
// One table, keyed 'Class.method'. A key may also be 'Class.*' (every method of a class) or '<service>:*' (every class
// of a service group). Lookup order: exact key, class default, service default, DEFAULT. Guesses are the higher
// plausible cost (platform-facts.md: "the rule for the emulator when Google's behaviour is uncertain"); the probe in
// tools/probe/ measures them in real Apps Script and `datadesk calibrate FILE` replaces them (calibration.ts).

/** What one call of a method costs. */
export interface MethodCost {
  /** Milliseconds per call (the bridge round trip and the service's own work). */
  ms: number;
  /** Extra ms per MB the method processes (payload bytes, strings and Blob contents it reads or writes). */
  perMB?: number;
  /** Extra ms per cell of a two-dimensional array passed or returned (beyond the bridge's own per-cell cost). */
  perCell?: number;
  /** The host's measured time of the call is added: database and HTTP time, lock waits, sleeps, dialogs. */
  measured?: boolean;
  /** Where the figure comes from (a URL), or guess: true. */
  source?: string;
  guess?: boolean;
  note?: string;
}

const POEHNELT = 'https://justin.poehnelt.com/posts/apps-script-postgresql';
const ZIRITIONE = 'https://ziritione.org/post/apps_script_performance';
/** 4,000-cell setValues < 50 ms; with flush() ~610 ms (a Stack Overflow experiment, mirrored at this address). */
const SO_SHEETS = 'https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp';

/**
 * The bridge itself: converting values between the script's JavaScript and Google's Java services. Byte arrays
 * (number[], e.g. Blob.getBytes, Utilities.newBlob(bytes)) are the expensive case; strings are copied; each cell
 * of a two-dimensional array is an object conversion. Blobs passed as objects stay on Google's side (no copy).
 */
export const BRIDGE: Record<'byteArrayPerMB' | 'stringPerMB' | 'perCell', MethodCost> = {
  byteArrayPerMB: { ms: 100, guess: true, note: 'a 10 MB getBytes about 1 s; the probe measures newBlob/getBytes' },
  stringPerMB: { ms: 10, guess: true, note: 'strings cross as Java Strings (a copy)' },
  perCell: { ms: 0.01, source: SO_SHEETS, note: 'a 4,000-cell setValues took < 50 ms' },
};

/** Start-up of every execution: loading and parsing the whole project before the first line runs. */
export const STARTUP: Record<'baseMs' | 'perKB', MethodCost> = {
  baseMs: { ms: 100, guess: true, note: 'an empty project' },
  perKB: { ms: 0.65, guess: true, note: 'about 1 s for a 1.4 MB bundle (platform-facts.md); no published figure' },
};

/** JavaScript the script runs itself (outside service calls) takes this many times the emulator's own CPU time. */
export const CPU_FACTOR: MethodCost = {
  ms: 3,
  guess: true,
  note: "Apps Script's V8 runs on shared servers; no published V8-era comparison. The probe's CPU benchmark replaces it.",
};

/** Every method not named below. */
export const DEFAULT: MethodCost = { ms: 50, guess: true, note: 'an unknown service call: the dearer end of observed calls' };

export const COSTS: Record<string, MethodCost> = {
  // ---- Jdbc: every method is a round trip to Google's JDBC bridge; result-set getters too. ----
  'Jdbc:*': { ms: 25, measured: true, source: POEHNELT, note: 'every JDBC method call on an open connection ~25 ms' },
  'Jdbc.getConnection': { ms: 250, measured: true, source: POEHNELT },
  'JdbcResultSet.getRows': {
    ms: 25,
    measured: true,
    source: 'https://developers.google.com/apps-script/reference/jdbc/jdbc-result-set#getRows(String)',
    note: 'one call for many rows; the rows pay the bridge per cell and per MB',
  },
  'JdbcPreparedStatement.executeBatch': {
    ms: 25,
    measured: true,
    source: 'https://developers.google.com/apps-script/reference/jdbc/jdbc-prepared-statement#executeBatch(Object)',
    note: 'executeBatch(parameters): one call; the parameters pay the bridge per cell',
  },

  // ---- Spreadsheet: writes are buffered, reads force them out; flush() pays for the queue. ----
  'SpreadsheetApp:*': { ms: 10, guess: true, note: 'tens of ms for a read, writes buffered (platform-facts.md)' },
  'Range.getValues': { ms: 20, guess: true },
  'Range.getDisplayValues': { ms: 20, guess: true },
  'Range.getFormulas': { ms: 20, guess: true },
  'Range.getNumberFormats': { ms: 20, guess: true },
  'Range.getValue': { ms: 20, guess: true },
  'Range.getDisplayValue': { ms: 20, guess: true },
  'Range.setValues': { ms: 10, source: SO_SHEETS, note: 'the per-cell part is the bridge’s' },
  'SpreadsheetApp.flush': { ms: 600, source: SO_SHEETS, note: 'flush after a 4,000-cell write added ~560 ms' },
  'SpreadsheetApp.openById': { ms: 300, guess: true },
  'SpreadsheetApp.create': { ms: 1500, guess: true },
  'Spreadsheet.insertSheet': { ms: 300, guess: true },
  'Spreadsheet.deleteSheet': { ms: 300, guess: true },
  'Ui.alert': { ms: 50, measured: true, guess: true, note: 'plus the time the user takes' },
  'Ui.prompt': { ms: 50, measured: true, guess: true, note: 'plus the time the user takes' },
  'Ui.showSidebar': { ms: 100, guess: true },
  'Ui.showModalDialog': { ms: 100, guess: true },

  // ---- Drive: each call is a Drive API request. ----
  'DriveApp:*': { ms: 100, guess: true, note: 'a Drive API request' },
  'Folder.createFile': { ms: 500, perMB: 50, guess: true, note: 'an upload' },
  'DriveApp.createFile': { ms: 500, perMB: 50, guess: true, note: 'an upload' },
  'File.setContent': { ms: 500, perMB: 50, guess: true },
  'File.getBlob': { ms: 200, perMB: 20, guess: true, note: 'a download' },
  'File.getAs': { ms: 500, perMB: 20, guess: true },
  'FileIterator.hasNext': { ms: 20, guess: true },
  'FolderIterator.hasNext': { ms: 20, guess: true },

  // ---- Properties, Cache, Lock ----
  'PropertiesService:*': { ms: 30, source: ZIRITIONE, note: 'getProperty avg 30 ms' },
  'PropertiesService.getScriptProperties': { ms: 0, source: ZIRITIONE, note: 'included in the measured get/set' },
  'PropertiesService.getUserProperties': { ms: 0, source: ZIRITIONE, note: 'included in the measured get/set' },
  'PropertiesService.getDocumentProperties': { ms: 0, source: ZIRITIONE, note: 'included in the measured get/set' },
  'Properties.setProperty': { ms: 62, source: ZIRITIONE },
  'Properties.setProperties': { ms: 62, guess: true, note: 'as setProperty' },
  'Properties.deleteProperty': { ms: 62, guess: true, note: 'as setProperty' },
  'Properties.deleteAllProperties': { ms: 62, guess: true, note: 'as setProperty' },
  'CacheService:*': { ms: 3, source: ZIRITIONE, note: 'get avg 3 ms' },
  'CacheService.getScriptCache': { ms: 0, source: ZIRITIONE, note: 'included in the measured get/put' },
  'CacheService.getUserCache': { ms: 0, source: ZIRITIONE, note: 'included in the measured get/put' },
  'CacheService.getDocumentCache': { ms: 0, source: ZIRITIONE, note: 'included in the measured get/put' },
  'Cache.put': { ms: 93, source: ZIRITIONE },
  'Cache.putAll': { ms: 93, guess: true, note: 'as put' },
  'Cache.remove': { ms: 93, guess: true, note: 'as put' },
  'Cache.removeAll': { ms: 93, guess: true, note: 'as put' },
  'LockService:*': { ms: 50, measured: true, guess: true, note: 'plus the time spent waiting for the lock' },
  'LockService.getScriptLock': { ms: 5, guess: true },
  'LockService.getDocumentLock': { ms: 5, guess: true },
  'LockService.getUserLock': { ms: 5, guess: true },

  // ---- UrlFetch: the bridge, then the HTTP time measured; bodies cross as bytes or strings. ----
  'UrlFetchApp:*': { ms: 50, measured: true, guess: true, note: 'plus the HTTP time' },
  'UrlFetchApp.getRequest': { ms: 1, guess: true },
  // A class default ('Class.*'): HTTPResponse is no service group of its own, so a 'HTTPResponse:*' key was never
  // looked up and each response getter fell through to 'UrlFetchApp:*' (50 ms, the fetch itself).
  'HTTPResponse.*': { ms: 1, guess: true, note: 'the body is already fetched; the bridge charges its size' },

  // ---- Calendar: each call is a Calendar API v3 request (the advanced service, and CalendarApp underneath). ----
  'Calendar:*': { ms: 300, guess: true, note: 'a Calendar API request; CalendarApp’s Calendar class is keyed the same' },
  'Calendar.Events.insert': { ms: 800, guess: true, note: 'an insert that also asks for a Meet conference' },
  'CalendarApp:*': { ms: 300, guess: true, note: 'a Calendar API request' },
  'CalendarEvent:*': { ms: 300, guess: true, note: 'a Calendar API request' },

  // ---- Mail, triggers, session, HTML ----
  'MailApp:*': { ms: 500, guess: true, note: 'sending a message' },
  'MailApp.getRemainingDailyQuota': { ms: 20, guess: true },
  'ScriptApp:*': { ms: 20, guess: true },
  'ScriptApp.getProjectTriggers': { ms: 100, guess: true },
  'ScriptApp.getUserTriggers': { ms: 100, guess: true },
  'ScriptApp.deleteTrigger': { ms: 200, guess: true },
  'ClockTriggerBuilder.create': { ms: 500, guess: true },
  'SpreadsheetTriggerBuilder.create': { ms: 500, guess: true },
  'Session:*': { ms: 5, guess: true },
  'Session.getScriptTimeZone': { ms: 1, guess: true },
  'Session.getActiveUserLocale': { ms: 1, guess: true },
  'HtmlService:*': { ms: 10, guess: true },
  'HtmlService.createTemplateFromFile': { ms: 20, guess: true },
  'HtmlOutput.*': { ms: 1, guess: true },
  'Logger:*': { ms: 1, guess: true, note: 'a log line' },

  // ---- Utilities and Blob: work done in Java on data that crossed the bridge. ----
  'Utilities:*': { ms: 1, guess: true },
  'Utilities.computeDigest': { ms: 1, perMB: 5, guess: true, note: 'SHA-256 in Java; the byte array pays the bridge' },
  'Utilities.computeHmacSignature': { ms: 1, perMB: 5, guess: true },
  'Utilities.computeHmacSha256Signature': { ms: 1, perMB: 5, guess: true },
  'Utilities.base64Encode': { ms: 1, perMB: 10, guess: true },
  'Utilities.base64EncodeWebSafe': { ms: 1, perMB: 10, guess: true },
  'Utilities.base64Decode': { ms: 1, perMB: 10, guess: true },
  'Utilities.base64DecodeWebSafe': { ms: 1, perMB: 10, guess: true },
  'Utilities.zip': { ms: 5, perMB: 30, guess: true, note: 'deflate' },
  'Utilities.unzip': { ms: 5, perMB: 15, guess: true },
  'Utilities.gzip': { ms: 5, perMB: 30, guess: true },
  'Utilities.ungzip': { ms: 5, perMB: 15, guess: true },
  'Utilities.parseCsv': { ms: 1, perMB: 20, guess: true },
  'Utilities.sleep': {
    ms: 0,
    measured: true,
    source: 'https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)',
  },
  'Blob.*': { ms: 1, guess: true, note: 'a Java object; getBytes/setBytes pay the bridge per MB' },
};

/** Which service group a class belongs to (for the breakdown and the '<service>:*' defaults). */
const GROUPS: Array<[RegExp, string]> = [
  [/^Jdbc/, 'Jdbc'],
  [
    /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|Ui|Menu|PromptResponse|DataValidation\w*|Filter\w*|Named\w*)$/,
    'SpreadsheetApp',
  ],
  [/^(DriveApp|File|Folder|FileIterator|FolderIterator)$/, 'DriveApp'],
  [/^(PropertiesService|Properties)$/, 'PropertiesService'],
  [/^(CacheService|Cache)$/, 'CacheService'],
  [/^(LockService|Lock)$/, 'LockService'],
  [/^(UrlFetchApp|HTTPResponse)$/, 'UrlFetchApp'],
  [/^MailApp$/, 'MailApp'],
  [/^(ScriptApp|Trigger|\w*TriggerBuilder)$/, 'ScriptApp'],
  [/^(Session|User)$/, 'Session'],
  [/^(Utilities|Blob)$/, 'Utilities'],
  [/^(HtmlService|HtmlOutput|HtmlTemplate)$/, 'HtmlService'],
  [/^(Logger|console)$/, 'Logger'],
];

/** The service a 'Class.method' key belongs to; an unknown class is its own service. */
export function serviceOf(key: string): string {
  const cls = key.split('.')[0];
  for (const [re, group] of GROUPS) if (re.test(cls)) return group;
  return cls;
}

/** The constants a model uses: the table above with calibrated values laid over it. */
export interface CostModel {
  costs: Record<string, MethodCost>;
  bridge: typeof BRIDGE;
  startup: typeof STARTUP;
  cpuFactor: MethodCost;
  default: MethodCost;
  /** Names of the constants a probe measured (the rest are the table's sources and guesses). */
  calibrated: string[];
  /** Where the calibration came from, when there is one. */
  calibration?: { file: string; at: string; measuredAt?: string };
}

export function defaultModel(): CostModel {
  return {
    costs: { ...COSTS },
    bridge: { ...BRIDGE },
    startup: { ...STARTUP },
    cpuFactor: CPU_FACTOR,
    default: DEFAULT,
    calibrated: [],
  };
}

/** The cost of one method: exact, class default, service default, DEFAULT. */
export function costOf(model: CostModel, key: string): MethodCost {
  const c = model.costs;
  const cls = key.split('.')[0];
  return c[key] ?? c[`${cls}.*`] ?? c[`${serviceOf(key)}:*`] ?? model.default;
}

/** Sizes of the data one call moves across the bridge. */
export interface DataSize {
  /** Elements of flat number arrays (byte arrays). */
  bytes: number;
  /** Characters of strings. */
  chars: number;
  /** Cells of two-dimensional arrays. */
  cells: number;
  /** Bytes of Blobs the call reads or writes (they stay on Google's side: no bridge cost, but work for the method). */
  blobBytes: number;
}

export const NO_DATA: DataSize = { bytes: 0, chars: 0, cells: 0, blobBytes: 0 };

function isNumberArray(v: unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return false;
  return v.length > 0;
}

/** Measures a value crossing the bridge: strings, byte arrays, 2-D arrays, Blobs (their wire form), shallow objects. */
export function measure(v: unknown, into: DataSize = { ...NO_DATA }, depth = 0): DataSize {
  if (typeof v === 'string') into.chars += v.length;
  else if (Array.isArray(v)) {
    if (depth === 0 && isNumberArray(v)) into.bytes += v.length;
    else if (v.length && Array.isArray(v[0])) {
      for (const row of v) {
        if (!Array.isArray(row)) continue;
        into.cells += row.length;
        for (let i = 0; i < row.length; i++) if (typeof row[i] === 'string') into.chars += (row[i] as string).length;
      }
    } else if (depth < 3) for (const x of v) measure(x, into, depth + 1);
  } else if (ArrayBuffer.isView(v)) into.blobBytes += v.byteLength;
  else if (v && typeof v === 'object' && depth < 3) {
    const w = v as Record<string, unknown>;
    if (w.__blob === true && ArrayBuffer.isView(w.bytes)) into.blobBytes += (w.bytes as Uint8Array).byteLength;
    else if (typeof w.__h !== 'number') for (const k of Object.keys(w)) measure(w[k], into, depth + 1);
  }
  return into;
}

const MB = 1024 * 1024;

/** Projected ms of one call of `key` moving `data`, plus `measuredMs` when the method's time is real waiting. */
export function callCost(model: CostModel, key: string, data: DataSize = NO_DATA, measuredMs = 0): number {
  const c = costOf(model, key);
  const b = model.bridge;
  let ms = c.ms;
  ms += (data.bytes / MB) * b.byteArrayPerMB.ms + (data.chars / MB) * b.stringPerMB.ms + data.cells * b.perCell.ms;
  if (c.perMB) ms += ((data.bytes + data.chars + data.blobBytes) / MB) * c.perMB;
  if (c.perCell) ms += data.cells * c.perCell;
  if (c.measured) ms += measuredMs;
  return ms;
}

/** Projected start-up of an execution whose code is `bytes` long. */
export function startupCost(model: CostModel, bytes: number): number {
  return model.startup.baseMs.ms + (bytes / 1024) * model.startup.perKB.ms;
}

/** What an execution cost, projected for Apps Script, beside what the emulator measured. */
export interface CostReport {
  /** The whole execution as Apps Script would take it. */
  projectedMs: number;
  /** Loading the project before the first line runs (grows with the bundle). */
  startupMs: number;
  /** The script's own JavaScript: the emulator's CPU time outside service calls × the CPU factor. */
  scriptMs: number;
  /** The emulator's CPU time outside service calls. */
  cpuMs: number;
  /** Sum of all service calls. */
  servicesMs: number;
  /** ms per service group ('Jdbc', 'SpreadsheetApp', …). */
  byService: Record<string, number>;
  /** ms per 'Class.method'. */
  byMethod: Record<string, number>;
  /** Whether the strict limit (projected time) applied. */
  strict: boolean;
  /** Constants measured by a probe (calibrate); empty when the model runs on its table of sources and guesses. */
  calibrated: string[];
}

/** Folds per-method charges into a report. */
export function report(
  model: CostModel,
  parts: { startupMs: number; cpuMs: number; byMethod: Record<string, number>; strict: boolean },
): CostReport {
  const byService: Record<string, number> = {};
  let servicesMs = 0;
  for (const [k, ms] of Object.entries(parts.byMethod)) {
    servicesMs += ms;
    const s = serviceOf(k);
    byService[s] = (byService[s] ?? 0) + ms;
  }
  const scriptMs = parts.cpuMs * model.cpuFactor.ms;
  return {
    projectedMs: parts.startupMs + scriptMs + servicesMs,
    startupMs: parts.startupMs,
    scriptMs,
    cpuMs: parts.cpuMs,
    servicesMs,
    byService,
    byMethod: parts.byMethod,
    strict: parts.strict,
    calibrated: model.calibrated,
  };
}

/** "1.2 s" / "340 ms": how projected times are printed. */
export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

/** One line per service, dearest first: "Jdbc 9.5 s, SpreadsheetApp 120 ms, …". */
export function breakdownLine(r: CostReport): string {
  const parts: Array<[string, number]> = [['start-up', r.startupMs], ['script', r.scriptMs], ...Object.entries(r.byService)];
  return parts
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${fmtMs(ms)}`)
    .join(', ');
}
