// Which Drive file or folder a Google Drive or Docs URL names (the workbench follows such links offline).

/** What a Google URL points at: a Drive file or folder by id, or nothing the workbench holds. */
export function googleTarget(url: string): { kind: 'file' | 'folder'; id: string } | null {
  const m =
    /^https:\/\/drive\.google\.com\/(?:file\/d\/|open\?id=|uc\?id=)([\w-]+)/.exec(url) ??
    /^https:\/\/docs\.google\.com\/(?:spreadsheets|document|presentation)\/d\/([\w-]+)/.exec(url);
  if (m) return { kind: 'file', id: m[1] };
  const f = /^https:\/\/drive\.google\.com\/drive\/(?:u\/\d+\/)?folders\/([\w-]+)/.exec(url);
  return f ? { kind: 'folder', id: f[1] } : null;
}

/** The spreadsheet a Google Sheets URL names (the workbench opens it as a document of its own), or null. */
export function spreadsheetTarget(url: string): string | null {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/.exec(url)?.[1] ?? null;
}
