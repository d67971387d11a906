// DataDesk cost probe: measures what Apps Script's services cost, for `datadesk calibrate FILE` (see README.md here).
// Paste into an Apps Script project (or push it with clasp), fill PROBE_CONFIG, run probeAll, copy the JSON it logs.
// Plain Apps Script (V8): no libraries. Every probe is optional; one that cannot run is reported under "skipped".

var PROBE_CONFIG = {
  /** A PostgreSQL database Apps Script can reach: jdbc:postgresql://host:5432/db (empty: skip the JDBC probes). */
  jdbcUrl: '',
  jdbcUser: '',
  jdbcPassword: '',
  /** An endpoint that answers after a fixed delay, e.g. https://httpbin.org/delay/2 (empty: skip fetchAll). */
  slowUrl: '',
  /** Its delay in ms. */
  slowDelayMs: 2000,
  /** How many requests to send at once to find fetchAll's concurrency. */
  fetchAllRequests: 30,
  /** Size of the byte-array probes in MB. */
  bytesMB: 10,
  /** Cells of the spreadsheet write probe (rows × 50 columns). */
  cells: 50000,
  /** When this project also carries DataDesk's build (Code.js), its size in KB (start-up grows with it); else 0. */
  projectKB: 0,
  /** 'consumer' or 'workspace' (only recorded). */
  account: 'consumer',
  /** A Gemini API key (empty: skip the Gemini probe). A free-tier key costs nothing; a paid one pays for about
   * 0.45 × its TPM of input tokens (Tier 1, Gemini 2.5 Flash: 450,000 tokens, about US$0.14). */
  geminiKey: '',
  geminiUrl: 'https://generativelanguage.googleapis.com',
  geminiModel: 'gemini-2.5-flash',
  /** The key's input tokens a minute for that model (ai.google.dev/gemini-api/docs/rate-limits; free tier 250000). */
  geminiTpm: 250000,
  /** An https picture link that answers 404 (Gemini then refuses the whole request). */
  deadImageUrl: 'https://httpbin.org/status/404',
  /** Waits this long first, so the measurement starts on an empty minute (no other use of the key meanwhile). */
  geminiQuietMs: 61000,
  /** Starts the measurement in a minute's first seconds, in case Google counts whole clock minutes. */
  geminiAlignMinute: true,
};

/** Runs every probe and logs one JSON object (also returned). */
function probeAll() {
  var out = {
    probe: 'datadesk-cost-probe',
    version: 1,
    measuredAt: new Date().toISOString(),
    account: PROBE_CONFIG.account,
    constants: {},
    limits: {},
    raw: {},
    skipped: {},
  };
  var steps = [probeCpu_, probeProperties_, probeCache_, probeBytes_, probeSheets_, probeDrive_, probeJdbc_, probeFetchAll_, probeGemini_, probeStartup_];
  for (var i = 0; i < steps.length; i++) {
    try {
      steps[i](out);
    } catch (e) {
      out.skipped[steps[i].name] = String((e && e.message) || e);
    }
  }
  var json = JSON.stringify(out, null, 1);
  console.log(json);
  return out;
}

/** A web app's doGet: answers at once (probeStartup_ times a whole execution through it). */
function doGet() {
  return ContentService.createTextOutput('ok');
}

/** ms per call of fn over n calls. */
function timeEach_(n, fn) {
  var t = Date.now();
  for (var i = 0; i < n; i++) fn(i);
  return (Date.now() - t) / n;
}

/** A fixed piece of pure JavaScript: the same function is timed in the offline runtime by `datadesk calibrate`, and
 * the ratio of the two times is the model's CPU factor. */
function probeCpuWork_() {
  var rows = [];
  for (var i = 0; i < 20000; i++) rows.push(['SKU-' + i, 'Produk ' + (i % 97), i * 1.5, i % 7 === 0]);
  var text = JSON.stringify(rows);
  var back = JSON.parse(text);
  var h = 0;
  for (var r = 0; r < back.length; r++) {
    var s = back[r][0] + back[r][1];
    for (var c = 0; c < s.length; c++) h = (h * 31 + s.charCodeAt(c)) | 0;
  }
  var sorted = back.slice().sort(function (a, b) {
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2];
  });
  return h + sorted.length;
}

function probeCpu_(out) {
  probeCpuWork_(); // warm-up
  var best = Infinity;
  for (var i = 0; i < 3; i++) {
    var t = Date.now();
    probeCpuWork_();
    best = Math.min(best, Date.now() - t);
  }
  out.constants['cpu.benchmarkMs'] = best;
}

function probeProperties_(out) {
  var p = PropertiesService.getScriptProperties();
  out.constants['Properties.setProperty'] = timeEach_(20, function (i) {
    p.setProperty('datadesk_probe', 'v' + i);
  });
  out.constants['PropertiesService:*'] = timeEach_(20, function () {
    PropertiesService.getScriptProperties().getProperty('datadesk_probe');
  });
  p.deleteProperty('datadesk_probe');
}

function probeCache_(out) {
  var c = CacheService.getScriptCache();
  out.constants['Cache.put'] = timeEach_(20, function (i) {
    c.put('datadesk_probe', 'v' + i, 60);
  });
  out.constants['CacheService:*'] = timeEach_(20, function () {
    CacheService.getScriptCache().get('datadesk_probe');
  });
}

/** Byte arrays and strings across the bridge, and the Java work on them (digest, base64). */
function probeBytes_(out) {
  var mb = PROBE_CONFIG.bytesMB;
  var n = mb * 1024 * 1024;
  var bytes = new Array(n);
  for (var i = 0; i < n; i++) bytes[i] = (i * 7) % 256 - 128;
  var t = Date.now();
  var blob = Utilities.newBlob(bytes);
  var toJava = Date.now() - t;
  t = Date.now();
  var back = blob.getBytes();
  var toJs = Date.now() - t;
  var perMB = (toJava + toJs) / 2 / mb;
  out.constants['bridge.byteArrayPerMB'] = perMB;
  out.raw.bytes = { mb: mb, newBlobMs: toJava, getBytesMs: toJs, length: back.length };
  var text = new Array(n + 1).join('a');
  t = Date.now();
  var sblob = Utilities.newBlob(text);
  var s = sblob.getDataAsString();
  out.constants['bridge.stringPerMB'] = (Date.now() - t) / 2 / mb;
  out.raw.strings = { mb: mb, length: s.length };
  t = Date.now();
  Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes);
  out.constants['Utilities.computeDigest.perMB'] = Math.max(0, (Date.now() - t) / mb - perMB);
  t = Date.now();
  var b64 = Utilities.base64Encode(bytes);
  // The bytes cross in, the text crosses out (4/3 as long): what is left is the encoding itself.
  out.constants['Utilities.base64Encode.perMB'] = Math.max(0, (Date.now() - t) / mb - perMB - (b64.length / n) * out.constants['bridge.stringPerMB']);
}

/** A temporary spreadsheet: creating it, one-cell and big writes, a read, flush; then it goes to the trash. */
function probeSheets_(out) {
  var t = Date.now();
  var ss = SpreadsheetApp.create('datadesk-probe ' + new Date().toISOString());
  out.constants['SpreadsheetApp.create'] = Date.now() - t;
  try {
    var sh = ss.getSheets()[0];
    var cols = 50;
    var rows = Math.ceil(PROBE_CONFIG.cells / cols);
    if (sh.getMaxRows() < rows) sh.insertRowsAfter(sh.getMaxRows(), rows - sh.getMaxRows());
    if (sh.getMaxColumns() < cols) sh.insertColumnsAfter(sh.getMaxColumns(), cols - sh.getMaxColumns());
    var one = timeEach_(10, function (i) {
      sh.getRange(1, 1).setValues([[i]]);
    });
    var values = [];
    for (var r = 0; r < rows; r++) {
      var line = [];
      for (var c = 0; c < cols; c++) line.push(r * cols + c);
      values.push(line);
    }
    t = Date.now();
    sh.getRange(1, 1, rows, cols).setValues(values);
    var big = Date.now() - t;
    t = Date.now();
    SpreadsheetApp.flush();
    out.constants['SpreadsheetApp.flush'] = Date.now() - t;
    out.constants['Range.setValues'] = one;
    out.constants['bridge.perCell'] = Math.max(0, (big - one) / (rows * cols));
    t = Date.now();
    sh.getRange(1, 1, rows, cols).getValues();
    var read = Date.now() - t;
    out.constants['Range.getValues'] = timeEach_(10, function () {
      sh.getRange(1, 1).getValues();
    });
    out.constants['Spreadsheet.insertSheet'] = timeEach_(3, function (i) {
      ss.insertSheet('probe ' + i);
    });
    out.raw.sheets = { cells: rows * cols, setValuesMs: big, getValuesMs: read };
  } finally {
    try {
      DriveApp.getFileById(ss.getId()).setTrashed(true);
    } catch (e) {
      out.raw.sheetsCleanup = 'delete the spreadsheet ' + ss.getName() + ' yourself: ' + ((e && e.message) || e);
    }
  }
}

/** Files made in Drive, as DataDesk's exports make them: a small one and one of 1 MB (the difference is the per-MB
 * cost); each goes to the trash at once. */
function probeDrive_(out) {
  var folder = DriveApp.getRootFolder();
  var big = Utilities.newBlob(new Array(1024 * 1024 + 1).join('a'), 'text/csv', 'datadesk-probe-1mb.csv');
  var made = [];
  try {
    var small = timeEach_(3, function (i) {
      made.push(folder.createFile('datadesk-probe-' + i + '.csv', 'a,b\n1,2\n', 'text/csv'));
    });
    var t = Date.now();
    made.push(folder.createFile(big));
    var oneMB = Date.now() - t;
    out.constants['Folder.createFile'] = small;
    out.constants['Folder.createFile.perMB'] = Math.max(0, oneMB - small);
    out.constants['DriveApp.createFile'] = timeEach_(2, function (i) {
      made.push(DriveApp.createFile('datadesk-probe-root-' + i + '.csv', 'a\n', 'text/csv'));
    });
    out.raw.drive = { smallMs: small, oneMBMs: oneMB };
  } finally {
    for (var i = 0; i < made.length; i++) made[i].setTrashed(true);
  }
}

/**
 * Whether Gemini counts a request it refuses (a dead picture link) against the key's input tokens a minute. On an
 * empty minute: two requests of 0.35 × TPM each naming a dead link (both must come back 400), then one answered
 * request of 0.45 × TPM. A 429 for input tokens means the refused ones counted. If it is answered, a control of
 * 0.6 × TPM must then get that 429 (0.45 + 0.6 answered is over the minute): only then is "not counted" shown.
 */
function probeGemini_(out) {
  var cfg = PROBE_CONFIG;
  if (!cfg.geminiKey) throw new Error('PROBE_CONFIG.geminiKey is empty');
  var url = cfg.geminiUrl + '/v1beta/models/' + cfg.geminiModel + ':generateContent';
  var ask = function (text, picture) {
    var parts = [{ text: text }];
    if (picture) parts.push({ fileData: { fileUri: picture, mimeType: 'image/jpeg' } });
    var body = { contents: [{ role: 'user', parts: parts }], generationConfig: { maxOutputTokens: 16 } };
    return {
      method: 'post',
      contentType: 'application/json',
      headers: { 'x-goog-api-key': cfg.geminiKey },
      payload: JSON.stringify(body),
      muteHttpExceptions: true,
    };
  };
  var filler = function (words) {
    return 'Balas satu kata: ok. ' + new Array(Math.max(1, Math.round(words)) + 1).join('data ');
  };
  // Tokens a filler word takes, from a small answered request's own count.
  var first = UrlFetchApp.fetch(url, ask(filler(2000)));
  if (first.getResponseCode() !== 200) throw new Error('Gemini answered ' + first.getResponseCode() + ': ' + first.getContentText().slice(0, 300));
  var perWord = JSON.parse(first.getContentText()).usageMetadata.promptTokenCount / 2000;
  var words = function (share) {
    return (share * cfg.geminiTpm) / perWord;
  };
  Utilities.sleep(cfg.geminiQuietMs);
  if (cfg.geminiAlignMinute) {
    var s = new Date().getUTCSeconds();
    if (s > 5) Utilities.sleep((61 - s) * 1000);
  }
  var dead = ask(filler(words(0.35)), cfg.deadImageUrl);
  dead.url = url;
  var refused = UrlFetchApp.fetchAll([dead, dead]);
  var codes = refused.map(function (r) {
    return r.getResponseCode();
  });
  var raw = { tokensPerWord: perWord, tpm: cfg.geminiTpm, refused: codes };
  out.raw.gemini = raw;
  if (codes[0] !== 400 || codes[1] !== 400) throw new Error('the requests naming the dead link were answered ' + codes.join(', ') + ', not 400');
  var tokens429 = function (r) {
    return r.getResponseCode() === 429 && /input_token/i.test(r.getContentText());
  };
  var answered = UrlFetchApp.fetch(url, ask(filler(words(0.45))));
  raw.answered = answered.getResponseCode();
  if (tokens429(answered)) {
    out.limits.geminiRefusedTokensCount = true;
    return;
  }
  if (raw.answered !== 200) throw new Error('the answered request came back ' + raw.answered + ': ' + answered.getContentText().slice(0, 300));
  var control = UrlFetchApp.fetch(url, ask(filler(words(0.6))));
  raw.control = control.getResponseCode();
  if (!tokens429(control)) throw new Error('inconclusive: 1.05 × TPM answered within a minute, and no 429 for input tokens');
  out.limits.geminiRefusedTokensCount = false;
}

/** JDBC: connecting, getter calls, getRows over the same rows, executeBatch(parameters). */
function probeJdbc_(out) {
  var cfg = PROBE_CONFIG;
  if (!cfg.jdbcUrl) throw new Error('PROBE_CONFIG.jdbcUrl is empty');
  var conn;
  out.constants['Jdbc.getConnection'] = timeEach_(3, function () {
    if (conn) conn.close();
    conn = Jdbc.getConnection(cfg.jdbcUrl, cfg.jdbcUser, cfg.jdbcPassword);
  });
  try {
    var sql = "SELECT g, 'baris ' || g, g * 1.5 FROM generate_series(1, 100) g";
    var st = conn.createStatement();
    var rs = st.executeQuery(sql);
    var calls = 0;
    var t = Date.now();
    while (rs.next()) {
      rs.getString(1);
      rs.getString(2);
      rs.getString(3);
      calls += 4;
    }
    var perCall = (Date.now() - t) / calls;
    out.constants['Jdbc:*'] = perCall;
    rs.close();
    rs = st.executeQuery(sql);
    t = Date.now();
    var rows = rs.getRows('getString(1), getString(2), getString(3)');
    out.constants['JdbcResultSet.getRows'] = Date.now() - t;
    out.raw.jdbc = { getterCalls: calls, getRowsRows: rows.length };
    rs.close();
    st.execute('CREATE TEMP TABLE datadesk_probe (a int, b text)');
    var ps = conn.prepareStatement('INSERT INTO datadesk_probe (a, b) VALUES (?, ?)');
    var params = [];
    for (var i = 0; i < 100; i++) params.push([i, 'baris ' + i]);
    t = Date.now();
    ps.executeBatch(params);
    out.constants['JdbcPreparedStatement.executeBatch'] = Date.now() - t;
  } finally {
    conn.close();
  }
}

/** fetchAll against a slow endpoint: how many requests Google runs at once, and one fetch's own overhead. */
function probeFetchAll_(out) {
  var cfg = PROBE_CONFIG;
  if (!cfg.slowUrl) throw new Error('PROBE_CONFIG.slowUrl is empty');
  var t = Date.now();
  UrlFetchApp.fetch(cfg.slowUrl, { muteHttpExceptions: true });
  var single = Date.now() - t;
  out.constants['UrlFetchApp:*'] = Math.max(0, single - cfg.slowDelayMs);
  var reqs = [];
  for (var i = 0; i < cfg.fetchAllRequests; i++) reqs.push({ url: cfg.slowUrl, muteHttpExceptions: true });
  t = Date.now();
  UrlFetchApp.fetchAll(reqs);
  var all = Date.now() - t;
  out.limits.fetchAllConcurrency = Math.max(1, Math.round((cfg.fetchAllRequests * single) / all));
  out.raw.fetchAll = { requests: cfg.fetchAllRequests, singleMs: single, allMs: all };
}

/** A whole execution through this project's web app (deploy it, "Execute as: me"); minus one fetch's overhead. */
function probeStartup_(out) {
  var url = ScriptApp.getService().getUrl();
  if (!url) throw new Error('deploy this project as a web app to measure start-up');
  var headers = { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() };
  var best = Infinity;
  for (var i = 0; i < 5; i++) {
    var t = Date.now();
    UrlFetchApp.fetch(url, { headers: headers, muteHttpExceptions: true, followRedirects: true });
    best = Math.min(best, Date.now() - t);
  }
  out.constants['startup.measuredMs'] = Math.max(0, best - (out.constants['UrlFetchApp:*'] || 0));
  out.constants['startup.projectKB'] = PROBE_CONFIG.projectKB;
}
