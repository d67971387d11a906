// The tagging job's platform side: the ports on sheets, CacheService snapshots, the durable answer cache, Jdbc and
// UrlFetch; the job, its settings and the day's spend in properties.
import { geminiRefused } from './engine';
import { classify } from './backoff';
import { Catalogue, parseCatalogueSheet, queryCatalogue } from './catalogue';
import type { AnswerCache, ChunkIO, EnginePorts, FetchHold, Held } from './ports';
import { GEMINI_DEFAULT_URL, GEMINI_KEY_PROP, GEMINI_URL_PROP, MAX_WORKERS, TaggingSettings } from './settings';
import { parseWordRows, seedWordLists, SEED_WORDS, WordLists, GROUP_LABEL, seedNote } from './wordlists';
import { wibDate } from '../core/format';
import { invalid, notFound } from '../core/errors';
import { currentLang, msg, t } from '../core/text';
import { fetchAll } from '../platform/http';
import { clearBelowHeader, ensureRows, ensureSheet, readBlock, readSheet, sheetByName, writeTextBlock } from '../platform/sheets';
import { sha256Hex, sleep } from '../platform/utilities';
import { fnv1a, sha256HexOf } from '../core/hash';
import { cacheGetJson, cachePutJson, cacheRemove } from '../platform/cache';
import { docJson, scriptProp, scriptSecret, setDocJson } from '../platform/properties';
import { withDb } from '../platform/jdbc';
import { entryRow, type UndoEntry } from './undo';

export const CACHE_SHEET = '_DataDesk_TagCache';
const REF_KEY = 'dd_tag_ref';
const BUCKETS = 128;
const SPEND_PROP = 'DATADESK_TAG_SPEND';

// Buckets by a cheap JavaScript hash of the key (keys are SHA-256 hex or SKUs already): no digest per look-up.
const bucketOf = (prefix: string, key: string) => `${prefix}${fnv1a(key) % BUCKETS}`;
const allBuckets = (prefix: string) => Array.from({ length: BUCKETS }, (_, i) => `${prefix}${i}`);

/** Word lists and top-search keywords from their sheets (two getValues); an unknown group is refused. */
export function readRefSheets(s: TaggingSettings): { lists: WordLists; top: string[]; wordSheetMissing: boolean } {
  const ws = sheetByName(s.wordListSheet);
  const lists = ws ? parseWordRows(readSheet(ws).slice(1)) : seedWordLists();
  const ts = sheetByName(s.topSearchSheet);
  const top = ts
    ? readSheet(ts)
        .slice(1)
        .map((r) => String(r[0] ?? '').trim())
        .filter(Boolean)
    : [];
  return { lists, top, wordSheetMissing: !ws };
}

/** Creates the word-list sheet seeded with the source's table when it does not exist. */
export function ensureWordListSheet(s: TaggingSettings): boolean {
  const { sheet, created } = ensureSheet(s.wordListSheet, [
    t('tagging.words.word'),
    t('tagging.words.group'),
    t('tagging.words.note'),
  ]);
  if (created) {
    const rows = SEED_WORDS.map((w) => [w.word, GROUP_LABEL[w.group][currentLang()], seedNote(w.group)]);
    writeTextBlock(sheet, 2, 1, rows);
  }
  return created;
}

/** Reads the whole catalogue for `skus` from its source (one getValues or one query). */
export function loadCatalogue(s: TaggingSettings, skus: string[]): Catalogue {
  if (s.catalogue.source === 'db') return withDb((db) => queryCatalogue(db, s.catalogue.table, skus));
  const sh = sheetByName(s.catalogue.sheet);
  if (!sh) {
    throw notFound(msg('tagging.error.catalogueSheet', { sheet: s.catalogue.sheet }));
  }
  return parseCatalogueSheet(readSheet(sh), s.catalogue.sheet);
}

/** Keeps the SKUs a job needs in CacheService buckets, so chunks do not re-read the catalogue. */
export function snapshotCatalogue(cat: Catalogue, skus: string[]): void {
  const buckets: Record<string, Record<string, [string, string, string]>> = {};
  for (const sku of skus) {
    const p = cat.get(sku.trim().toUpperCase());
    if (!p) continue;
    const b = bucketOf('dd_tag_cat_', sku.trim().toUpperCase());
    (buckets[b] ??= {})[sku.trim().toUpperCase()] = [p.name, p.category, p.imageUrl];
  }
  cachePutJson(buckets);
}

export function cacheRef(ref: { lists: WordLists; top: string[] }): void {
  cachePutJson({ [REF_KEY]: ref }, 600);
}

/** A worker slot's answer buckets: each chunk at work writes only its own slot's, so chunks running at once never
 * overwrite each other's answers; a look-up reads every slot's. */
const ansPrefix = (slot: number) => `dd_tag_ans_${slot}_`;
const slotsUpTo = (n: number) => Array.from({ length: Math.max(1, Math.min(MAX_WORKERS, n)) }, (_, i) => i);

/** The answer cache: CacheService buckets in front of a hidden sheet that survives the 6-hour expiry. Written in
 * `slot`'s buckets, read from the first `slots` slots' (one getAll either way). */
export function answerCacheFor(slot: number, slots: number): AnswerCache {
  return {
    getAll(keys) {
      const names = slotsUpTo(slots).flatMap((i) => keys.map((k) => bucketOf(ansPrefix(i), k)));
      const buckets = cacheGetJson<Record<string, string[]>>([...new Set(names)]);
      const out: Record<string, string[]> = {};
      for (const k of keys)
        for (const i of slotsUpTo(slots)) {
          const hit = buckets[bucketOf(ansPrefix(i), k)]?.[k];
          if (hit) {
            out[k] = hit;
            break;
          }
        }
      return out;
    },
    putAll(entries) {
      const at = (k: string) => bucketOf(ansPrefix(slot), k);
      const names = [...new Set(Object.keys(entries).map(at))];
      const buckets = cacheGetJson<Record<string, string[]>>(names);
      for (const [k, v] of Object.entries(entries)) (buckets[at(k)] ??= {})[k] = v;
      for (const n of names) {
        // A bucket stays under CacheService's 100 KB per value: the oldest entries go first.
        const b = buckets[n] ?? {};
        const keysIn = Object.keys(b);
        while (JSON.stringify(b).length > 90_000 && keysIn.length) delete b[keysIn.shift()!];
      }
      cachePutJson(Object.fromEntries(names.map((n) => [n, buckets[n] ?? {}])));
    },
  };
}

/** Loads the durable answers (hidden sheet) into CacheService at job start. */
export function warmAnswerCache(): number {
  const sh = sheetByName(CACHE_SHEET);
  if (!sh) return 0;
  const rows = readSheet(sh).slice(1);
  const entries: Record<string, string[]> = {};
  for (const r of rows) {
    try {
      entries[String(r[0])] = JSON.parse(String(r[1])) as string[];
    } catch {
      /* skip a damaged row */
    }
  }
  if (rows.length) answerCacheFor(0, 1).putAll(entries);
  return rows.length;
}

/** Writes every cached answer to the hidden sheet (at the end of a job): one getValues, one setValues. */
export function persistAnswerCache(now: Date): number {
  const { sheet } = ensureSheet(CACHE_SHEET, ['key', 'keywords', 'time'], true);
  const existing = readSheet(sheet).slice(1);
  const known = new Set(existing.map((r) => String(r[0])));
  const buckets = cacheGetJson<Record<string, string[]>>(slotsUpTo(MAX_WORKERS).flatMap((i) => allBuckets(ansPrefix(i))));
  const add: string[][] = [];
  for (const b of Object.values(buckets))
    for (const [k, v] of Object.entries(b)) if (!known.has(k)) add.push([k, JSON.stringify(v), now.toISOString()]);
  if (add.length) {
    const start = existing.length + 2;
    ensureRows(sheet, start + add.length - 1);
    writeTextBlock(sheet, start, 1, add);
  }
  return add.length;
}

export function forgetSnapshots(): void {
  forgetHold();
  cacheRemove([REF_KEY, ...allBuckets('dd_tag_cat_')]);
}

// The job's hold: per SKU [cache key, picture type, parts of the picture kept] in buckets by worker slot and SKU, and
// each kept picture's base64 in parts under CacheService's 100 KB a value. A chunk writes only its own slot's buckets
// (chunks at work at once never overwrite each other's) and reads every slot's (rows another worker left come with
// what it fetched).
const HOLD_BUCKETS = 64;
const PART_CHARS = 95_000;
type HoldEntry = [string, string, number];
const holdBucket = (slot: number, sku: string) => `dd_tag_hold_${slot}_${fnv1a(sku.trim().toUpperCase()) % HOLD_BUCKETS}`;
const partKey = (key: string, i: number) => `dd_tag_pic_${key}_${i}`;
const partKeys = (e: HoldEntry) => Array.from({ length: e[2] }, (_, i) => partKey(e[0], i));
const skuKey = (sku: string) => sku.trim().toUpperCase();

function holdBuckets(slots: number[], skus: string[]): Record<string, Record<string, HoldEntry>> {
  return cacheGetJson<Record<string, HoldEntry>>([...new Set(slots.flatMap((i) => skus.map((sku) => holdBucket(i, sku))))]);
}

/** Writes buckets back (one putAll with `extra`); a bucket near the 100 KB limit drops its oldest SKUs first (they
 * are fetched again if ever needed). */
function putHold(buckets: Record<string, Record<string, HoldEntry>>, extra: Record<string, unknown> = {}): void {
  for (const b of Object.values(buckets)) {
    const keys = Object.keys(b);
    while (JSON.stringify(b).length > 90_000 && keys.length) delete b[keys.shift()!];
  }
  cachePutJson({ ...buckets, ...extra });
}

/** A SKU's entry in the first slot that holds one, preferring one whose picture is kept. */
function heldEntry(buckets: Record<string, Record<string, HoldEntry>>, slots: number[], sku: string): HoldEntry | undefined {
  const found = slots.map((i) => buckets[holdBucket(i, sku)]?.[skuKey(sku)]).filter((e): e is HoldEntry => !!e);
  return found.find((e) => e[2] > 0) ?? found[0];
}

/** Fetched work kept between a job's chunks in CacheService (see ports.ts FetchHold), written in `slot`'s buckets
 * and read from the first `slots` slots'. */
export function fetchHoldFor(slot: number, slots: number): FetchHold {
  const all = slotsUpTo(slots);
  return {
    load(skus) {
      const buckets = holdBuckets(all, skus);
      const found: Array<[string, HoldEntry]> = [];
      for (const sku of skus) {
        const e = heldEntry(buckets, all, sku);
        if (e) found.push([sku, e]);
      }
      const parts = cacheGetJson<string>(found.flatMap(([, e]) => partKeys(e)));
      const out: Record<string, Held> = {};
      for (const [sku, [key, mimeType, n]] of found) {
        const pieces = Array.from({ length: n }, (_, i) => parts[partKey(key, i)]);
        out[sku] = n && pieces.every((p) => typeof p === 'string') ? { key, mimeType, data: pieces.join('') } : { key, mimeType };
      }
      return out;
    },
    save(entries) {
      const skus = Object.keys(entries);
      const buckets = holdBuckets([slot], skus);
      const pictures: Record<string, string> = {};
      for (const sku of skus) {
        const h = entries[sku];
        const n = h.data ? Math.ceil(h.data.length / PART_CHARS) : 0;
        for (let i = 0; i < n; i++) pictures[partKey(h.key, i)] = h.data!.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
        (buckets[holdBucket(slot, sku)] ??= {})[skuKey(sku)] = [h.key, h.mimeType, n];
      }
      putHold(buckets, pictures);
    },
    release(skus) {
      // Another slot's entry is left as it is (its worker may be writing that bucket); its picture's parts go, so
      // it reads as a key without a picture.
      const buckets = holdBuckets(all, skus);
      const gone: string[] = [];
      const mine: Record<string, Record<string, HoldEntry>> = {};
      for (const sku of skus)
        for (const i of all) {
          const name = holdBucket(i, sku);
          const e = buckets[name]?.[skuKey(sku)];
          if (i === slot && buckets[name]) mine[name] = buckets[name];
          if (!e?.[2]) continue;
          gone.push(...partKeys(e));
          if (i === slot) e[2] = 0;
        }
      putHold(mine);
      cacheRemove(gone);
    },
  };
}

/** The hold is the job's: gone with it (its kept pictures too), and none left from an earlier job at a start. */
export function forgetHold(): void {
  const names = slotsUpTo(MAX_WORKERS).flatMap((i) => Array.from({ length: HOLD_BUCKETS }, (_, n) => `dd_tag_hold_${i}_${n}`));
  const buckets = cacheGetJson<Record<string, HoldEntry>>(names);
  const parts = Object.values(buckets).flatMap((b) => Object.values(b).flatMap(partKeys));
  cacheRemove([...names, ...parts]);
}

export function geminiKey(): string {
  return scriptSecret(GEMINI_KEY_PROP);
}

export function requireGeminiKey(): string {
  const k = geminiKey();
  if (!k) {
    throw invalid(msg('tagging.error.noKey'));
  }
  return k;
}

/** Asks Gemini for the model (models.get) before a job starts: a wrong key or model is refused with nothing changed. */
export function preflightModel(model: string): void {
  const base = scriptProp(GEMINI_URL_PROP) || GEMINI_DEFAULT_URL;
  const [r] = fetchAll([
    {
      url: `${base.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(model)}`,
      method: 'get',
      headers: { 'x-goog-api-key': geminiKey() },
    },
  ]);
  if (r.code === 200) return;
  const v = classify(r.code, r.text, 1);
  if (v.kind === 'fatal') throw geminiRefused(v.code, v.status, v.reason, model);
  // 429/5xx or no connection: the chunks will retry; nothing to refuse yet.
}

/** A SKU's answer-cache key. With a picture: one platform digest (sha256Hex, a single service call) over the text
 * and the picture's Latin-1 string (a string crosses the bridge at a tenth of a Byte[]'s cost, and SHA-256 in Java
 * beats it in the script's JavaScript; UTF-8 is injective, so the key is as unique as one over the bytes). Text alone
 * (a SKU without a picture, the top-search list) is hashed in JavaScript: no call for a few hundred characters. */
function keyHash(text: string, binary?: string): string {
  return binary === undefined ? sha256HexOf(text) : sha256Hex(`${text}\u0001${binary}`);
}

export const enginePorts: EnginePorts = {
  fetchAll,
  sleep,
  now: () => Date.now(),
  remainingMs: () => 60_000,
  hash: keyHash,
};

/** A chunk's ports; `slot` is its worker slot of the job's `slots` (its cache and hold writes go to that slot's buckets). */
export function chunkIO(s: TaggingSettings, slot = 0, slots = 1): ChunkIO {
  return {
    readProducts(name) {
      const sh = sheetByName(name);
      return sh ? readSheet(sh) : null;
    },
    rereadRows(name, first, count, width) {
      return readBlock(sheetByName(name)!, first, 1, count, width);
    },
    writeBlock(name, row, col, block) {
      // Model text is untrusted: the block is plain text ('@') before it is written, so nothing becomes a formula.
      writeTextBlock(sheetByName(name)!, row, col, block);
    },
    recordUndo: recordRunWrites,
    catalogue(skus) {
      const keys = skus.map((x) => x.trim().toUpperCase());
      const buckets = cacheGetJson<Record<string, [string, string, string]>>([
        ...new Set(keys.map((k) => bucketOf('dd_tag_cat_', k))),
      ]);
      const cat: Catalogue = new Map();
      const miss: string[] = [];
      for (const k of keys) {
        const hit = buckets[bucketOf('dd_tag_cat_', k)]?.[k];
        if (hit) cat.set(k, { name: hit[0], category: hit[1], imageUrl: hit[2] });
        else miss.push(k);
      }
      if (miss.length) {
        // The snapshot expired or the sheet gained SKUs: read the source once and refresh the snapshot.
        let fresh: Catalogue = new Map();
        try {
          fresh = loadCatalogue(s, miss);
        } catch {
          fresh = new Map();
        }
        for (const k of miss) {
          const p = fresh.get(k);
          if (p) cat.set(k, p);
        }
        snapshotCatalogue(fresh, miss);
      }
      return cat;
    },
    refData() {
      const hit = cacheGetJson<{ lists: WordLists; top: string[] }>([REF_KEY])[REF_KEY];
      if (hit) return hit;
      const ref = readRefSheets(s);
      const out = { lists: ref.lists, top: ref.top };
      cacheRef(out);
      return out;
    },
    engine: enginePorts,
    cache: answerCacheFor(slot, slots),
    hold: fetchHoldFor(slot, slots),
    apiKey: geminiKey,
    baseUrl: () => scriptProp(GEMINI_URL_PROP) || GEMINI_DEFAULT_URL,
    spentToday() {
      const sp = docJson<{ day: string; rp: number }>(SPEND_PROP, { day: '', rp: 0 });
      return sp.day === wibDate(new Date()) ? sp.rp : 0;
    },
    addSpend(rp) {
      const day = wibDate(new Date());
      const sp = docJson<{ day: string; rp: number }>(SPEND_PROP, { day: '', rp: 0 });
      setDocJson(SPEND_PROP, { day, rp: (sp.day === day ? sp.rp : 0) + rp });
    },
    today: () => wibDate(new Date()),
  };
}

// ——— Undo of the last run: each chunk's changed cells are appended to a hidden sheet (a run over thousands of SKUs
// outgrows the 9 KB a property value holds). A hidden sheet and not a Drive file: the record lives with the document
// it describes, like the answer cache above; every merchandiser with edit access can undo (a file in the run owner's
// Drive would be out of reach for the others); it costs the run one setValues per chunk, with no Drive scope.

export const UNDO_SHEET = '_DataDesk_TagUndo';
export const UNDO_HEADER = ['job', 'row', 'sku', 'cols', 'before', 'after'];
export const UNDO_PROP = 'DATADESK_TAG_UNDO';

/** What the hidden sheet holds: the run, its product sheet and how many entry rows (one per SKU row written). */
export interface UndoMeta {
  jobId: string;
  sheet: string;
  rows: number;
  undone: boolean;
}

/** The last run that can be undone, as the sidebar offers it. */
export interface UndoInfo {
  jobId: string;
  sheet: string;
  skus: number;
}

export function undoMeta(): UndoMeta | null {
  const m = docJson<UndoMeta | null>(UNDO_PROP, null);
  return m && typeof m.jobId === 'string' && typeof m.rows === 'number' ? m : null;
}

/**
 * Called where a chunk has written its block (under the job's lease): appends the chunk's entries in one setValues.
 * The first chunk of a new run empties the sheet first: only the last run can be undone.
 */
export function recordRunWrites(jobId: string, sheet: string, entries: readonly UndoEntry[]): void {
  if (!entries.length) return;
  const m = undoMeta();
  const { sheet: undo } = ensureSheet(UNDO_SHEET, UNDO_HEADER, true);
  const same = m && m.jobId === jobId && !m.undone;
  if (!same && m && m.rows > 0) clearBelowHeader(undo, UNDO_HEADER.length);
  const before = same ? m.rows : 0;
  const start = before + 2;
  ensureRows(undo, start + entries.length - 1);
  writeTextBlock(
    undo,
    start,
    1,
    entries.map((e) => entryRow(jobId, e)),
  );
  setDocJson(UNDO_PROP, { jobId, sheet, rows: before + entries.length, undone: false } satisfies UndoMeta);
}

/** The run "Batalkan proses terakhir" would undo, or null (nothing recorded, or already undone). */
export function lastRunUndo(): UndoInfo | null {
  const m = undoMeta();
  return m && !m.undone && m.rows > 0 ? { jobId: m.jobId, sheet: m.sheet, skus: m.rows } : null;
}
