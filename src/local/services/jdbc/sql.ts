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
