// Utilities.parseCsv and Utilities.formatString (sprintf-style), pure text helpers.

/** RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks; a final line break ends the data. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const d = String(delimiter);
  if (d.length !== 1) throw new Error('Invalid argument: delimiter');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const s = String(csv);
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === d) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || row.length || quoted) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** sprintf as Utilities.formatString documents it: %s %d %i %f %e %x %o %c %%, flags - + 0 space, width, precision. */
export function formatString(template: string, ...args: unknown[]): string {
  let k = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (m, flags: string, width: string, prec: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[k++];
      let s: string;
      const p = prec === undefined ? undefined : Number(prec);
      switch (conv) {
        case 's':
          s = String(arg);
          if (p !== undefined) s = s.slice(0, p);
          break;
        case 'd':
        case 'i':
          s = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          s = Number(arg).toFixed(p ?? 6);
          break;
        case 'e':
        case 'E':
          s = Number(arg)
            .toExponential(p ?? 6)
            .replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') s = s.toUpperCase();
          break;
        case 'x':
        case 'X':
          s = (Math.trunc(Number(arg)) >>> 0).toString(16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        case 'o':
          s = (Math.trunc(Number(arg)) >>> 0).toString(8);
          break;
        case 'c':
          s = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default:
          return m;
      }
      if ('dieEf'.includes(conv) && !s.startsWith('-')) {
        if (flags.includes('+')) s = '+' + s;
        else if (flags.includes(' ')) s = ' ' + s;
      }
      const w = width ? Number(width) : 0;
      if (s.length < w) {
        if (flags.includes('-')) s = s + ' '.repeat(w - s.length);
        else if (flags.includes('0') && 'dieEfxXo'.includes(conv)) {
          const sign = /^[+\- ]/.test(s) ? s[0] : '';
          s = sign + '0'.repeat(w - s.length) + s.slice(sign.length);
        } else s = ' '.repeat(w - s.length) + s;
      }
      return s;
    },
  );
}
