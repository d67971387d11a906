// DriveApp.searchFiles/searchFolders query subset (Drive API v2 syntax): title/name = or contains, 'ID' in parents,
// trashed = true/false, mimeType = / !=, joined by `and` (guides: developers.google.com/drive/api/guides/ref-search-terms).
import { GasError } from '../../runtime/types';
import type { DriveItem } from './store';

/** `trashed` is the item's effective state (itself or an ancestor folder in the trash). */
export type Predicate = (it: DriveItem, trashed: boolean) => boolean;

/** Text for a query outside the subset. Apps Script reports a bad query as "Invalid argument: q" (unconfirmed). */
const bad = (why: string) => new GasError(`Invalid argument: q (${why})`);

function tokenize(q: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let s = '';
      i++;
      while (i < q.length && q[i] !== c) {
        if (q[i] === '\\' && i + 1 < q.length) i++;
        s += q[i++];
      }
      if (i >= q.length) throw bad('unterminated string');
      i++;
      out.push('\u0000' + s);
    } else if (c === '!' && q[i + 1] === '=') {
      out.push('!=');
      i += 2;
    } else if (c === '=') {
      out.push('=');
      i++;
    } else {
      let w = '';
      while (i < q.length && /[A-Za-z0-9_]/.test(q[i])) w += q[i++];
      if (!w) throw bad(`unexpected '${c}'`);
      out.push(w);
    }
  }
  return out;
}

const isStr = (t: string | undefined): boolean => t?.startsWith('\u0000') === true;

/** Compiles a query into a predicate over Drive items; throws for anything outside the subset. */
export function compileQuery(q: string): Predicate {
  const toks = tokenize(String(q ?? ''));
  const preds: Predicate[] = [];
  let i = 0;
  while (i < toks.length) {
    const a = toks[i];
    if (isStr(a)) {
      const id = a.slice(1);
      if (toks[i + 1]?.toLowerCase() !== 'in' || toks[i + 2]?.toLowerCase() !== 'parents')
        throw bad(`expected 'in parents' after '${id}'`);
      preds.push((it) => it.parents.includes(id));
      i += 3;
    } else {
      const field = a.toLowerCase();
      const op = toks[i + 1]?.toLowerCase();
      const v = toks[i + 2] as string;
      if (v === undefined) throw bad('incomplete term');
      if (field === 'title' || field === 'name') {
        if (!isStr(v)) throw bad('title needs a quoted string');
        const s = v.slice(1);
        if (op === '=') preds.push((it) => it.name === s);
        else if (op === '!=') preds.push((it) => it.name !== s);
        else if (op === 'contains') preds.push((it) => it.name.toLowerCase().includes(s.toLowerCase()));
        else throw bad(`unsupported operator ${op} for title`);
      } else if (field === 'mimetype') {
        if (!isStr(v)) throw bad('mimeType needs a quoted string');
        const s = v.slice(1);
        if (op === '=') preds.push((it) => it.mimeType === s);
        else if (op === '!=') preds.push((it) => it.mimeType !== s);
        else throw bad(`unsupported operator ${op} for mimeType`);
      } else if (field === 'trashed') {
        const b = v.toLowerCase();
        if (b !== 'true' && b !== 'false') throw bad('trashed needs true or false');
        const want = b === 'true';
        if (op === '=') preds.push((_it, t) => t === want);
        else if (op === '!=') preds.push((_it, t) => t !== want);
        else throw bad(`unsupported operator ${op} for trashed`);
      } else throw bad(`unsupported field ${a}`);
      i += 3;
    }
    if (i < toks.length) {
      if (toks[i].toLowerCase() !== 'and') throw bad(`only 'and' joins terms, found '${toks[i].replace('\u0000', '')}'`);
      i++;
      if (i >= toks.length) throw bad("dangling 'and'");
    }
  }
  return (it, trashed) => preds.every((p) => p(it, trashed));
}
