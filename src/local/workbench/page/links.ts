// Google Drive and Docs links from the add-on's pages, followed offline: a spreadsheet opens in the workbench (a new
// tab, as Sheets opens it), another file its local preview, a folder the Drive panel on it; anything else is named in
// the notice line (it would need the internet).
import { openDriveFolder } from './panels';
import { notice } from './alerts';
import { googleTarget, spreadsheetTarget } from './google-url';

export function openGoogleUrl(url: string): void {
  const sheet = spreadsheetTarget(url);
  if (sheet) {
    const here = new URL(location.href);
    here.searchParams.set('doc', sheet);
    window.open(here.toString(), '_blank');
    return;
  }
  const target = googleTarget(url);
  if (!target) {
    notice(`Offline: ${url} lies outside the workbench.`, 'error');
    return;
  }
  if (target.kind === 'folder') void openDriveFolder(target.id);
  else window.open(`/api/drive/view?id=${encodeURIComponent(target.id)}`, '_blank', 'noopener');
}
