// JDBC SQL text for PostgreSQL: `?` placeholders become $1..$n outside strings, identifiers, comments and dollar quotes.

/** Result of converting JDBC placeholders: the PostgreSQL text and how many parameters it takes. */
export interface ConvertedSql {
  text: string;
  params: number;
}

/**
 * Replaces each JDBC `?` with `$n`, as the PostgreSQL JDBC driver does. `??` is the driver's escape for a literal `?`
 * (the jsonb operator). Quoted text ('…', E'…', "…"), comments (-- and nested /* *\/) and $tag$…$tag$ bodies are kept.
 */
export function convertPlaceholders(sql: string): ConvertedSql {
  let out = '';
  let n = 0;
  let i = 0;
  const len = sql.length;
  while (i < len) {
    const c = sql[i];
    if (c === "'") {
      // E'…' strings allow backslash escapes; standard strings double the quote.
      const escaped = i > 0 && (sql[i - 1] === 'E' || sql[i - 1] === 'e') && (i < 2 || !/[A-Za-z0-9_]/.test(sql[i - 2]));
      let j = i + 1;
      while (j < len) {
        if (escaped && sql[j] === '\\') j += 2;
        else if (sql[j] === "'") {
          if (sql[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < len) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      const end = j < 0 ? len : j;
      out += sql.slice(i, end);
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < len && depth > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      out += sql.slice(i, j);
      i = j;
    } else if (c === '$' && (i === 0 || !/[A-Za-z0-9_$]/.test(sql[i - 1]))) {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
      if (m) {
        const tag = m[0];
        const end = sql.indexOf(tag, i + tag.length);
        const stop = end < 0 ? len : end + tag.length;
        out += sql.slice(i, stop);
        i = stop;
      } else {
        out += c;
        i++;
      }
    } else if (c === '?') {
      if (sql[i + 1] === '?') {
        out += '?';
        i += 2;
      } else {
        out += '$' + ++n;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, params: n };
}

/** A simple `INSERT INTO t (…) VALUES (…)` whose batches can be sent as one multi-row INSERT, or null. */
export function multiRowInsert(text: string): { head: string; row: string } | null {
  const m = /^\s*(insert\s+into\s+[^;]*?\bvalues\s*)(\((?:[^()';"]|\([^()';"]*\))*\))\s*;?\s*$/i.exec(text);
  if (!m) return null;
  return { head: m[1], row: m[2] };
}

/** Whether a statement is a plain read that `COPY (…) TO` can run: SELECT/WITH/VALUES/TABLE, one statement, no
 * data-modifying words, no row locks, no SELECT INTO. False negatives only cost speed. */
export function isPlainRead(text: string): boolean {
  const t = text.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '');
  if (!/^(select|with|values|table)\b/i.test(t)) return false;
  if (/\b(insert|update|delete|merge|into|copy)\b|\bfor\s+(update|share|no\s+key|key\s+share)\b/i.test(t)) return false;
  return !/;\s*\S/.test(t);
}

/** A SQL literal for a parameter's text ('…' with quotes doubled; standard_conforming_strings is on), or NULL. */
function literal(v: string | null): string {
  if (v === null) return 'NULL';
  if (v.includes('\0')) throw new Error('invalid byte sequence: 0x00');
  return "'" + v.replace(/'/g, "''") + "'";
}

/** Replaces $1..$n outside strings, identifiers, comments and dollar quotes with quoted literals (for COPY, which
 * takes no parameters). An untyped literal resolves like an untyped parameter. */
export function inlineParams(text: string, params: (string | null)[]): string {
  if (!params.length) return text;
  return mapParams(text, (k) => {
    if (k < 1 || k > params.length) throw new Error(`there is no parameter $${k}`);
    return literal(params[k - 1]);
  });
}

/**
 * Gives each parameter the type the PostgreSQL JDBC driver binds it with (setString → varchar, setInt → int4, …;
 * null = unspecified, the server infers it), as an explicit cast: `$1` becomes `($1::varchar)`. PostgreSQL then
 * resolves operators and assignments exactly as for the driver's typed parameters, so `bigint_column = ?` bound
 * with setString fails ("operator does not exist: bigint = character varying") as it does from Apps Script.
 * `position` maps a character position in the new text back to the original (error messages point there).
 */
export function typeParams(text: string, types: (string | null)[]): { text: string; position(p: number): number } {
  const inserts: Array<[number, number]> = [];
  let grown = 0;
  const out = mapParams(text, (k, at) => {
    const t = types[k - 1];
    if (!t) return `$${k}`;
    const cast = `($${k}::${t})`;
    inserts.push([at + grown, cast.length - `$${k}`.length]);
    grown += cast.length - `$${k}`.length;
    return cast;
  });
  return {
    text: out,
    position: (p) => p - inserts.filter(([at]) => at < p - 1).reduce((a, [, d]) => a + d, 0),
  };
}

/** Replaces each $k outside strings, identifiers, comments and dollar quotes with `fn(k, offset in the original)`. */
function mapParams(text: string, fn: (k: number, at: number) => string): string {
  let out = '';
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const escaped = c === "'" && i > 0 && /[Ee]/.test(text[i - 1]) && (i < 2 || !/[A-Za-z0-9_]/.test(text[i - 2]));
      let j = i + 1;
      while (j < len) {
        if (escaped && text[j] === '\\') j += 2;
        else if (text[j] === c) {
          if (text[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      const j = text.indexOf('\n', i);
      const end = j < 0 ? len : j;
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < len && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '*') depth++, (j += 2);
        else if (text[j] === '*' && text[j + 1] === '/') depth--, (j += 2);
        else j++;
      }
      out += text.slice(i, j);
      i = j;
    } else if (c === '$' && (i === 0 || !/[A-Za-z0-9_$]/.test(text[i - 1]))) {
      const num = /^\$(\d+)/.exec(text.slice(i, i + 12));
      const tag = num ? null : /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (num) {
        out += fn(Number(num[1]), i);
        i += num[0].length;
      } else if (tag) {
        const end = text.indexOf(tag[0], i + tag[0].length);
        const stop = end < 0 ? len : end + tag[0].length;
        out += text.slice(i, stop);
        i = stop;
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
