// Helpers of the workbench page: elements (text always as text nodes, never as HTML), column names, WIB times, sizes.

// The same helpers as the sidebars' (src/client/core/dom.ts): one copy.
export { el as h, byId } from '../../../client/core/dom';

/** Column letters as Sheets shows them: 0 → A, 25 → Z, 26 → AA. */
export function colName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Time in Asia/Jakarta as the workbench shows it (English day and month names), e.g. "Mon, 2 Mar 2026, 08:00 WIB". */
export function wib(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleString('en-GB', { timeZone: 'Asia/Jakarta', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })} WIB`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
