// The workbench page: a Sheets-like window on the offline runtime (grid, tabs, add-on menu, sidebars, panels).
// Arimo has Arial's metrics: the grid draws text as wide as Sheets does (Arial 10 pt), on machines without Arial too.
import '@fontsource/arimo/latin-400.css';
import '@fontsource/arimo/latin-700.css';
import '@fontsource/arimo/latin-ext-400.css';
import '@fontsource/arimo/latin-ext-700.css';
import './style.css';
import { h, byId, wib } from './dom';
import { clientId, connectEvents, execute, markDone, getJson, postJson, DemoUser, DocInfo, PageEvent, UiEvent } from './api';
import { Grid, Selection } from './grid';
import { MenuBar, parseMenu } from './menu';
import { openSidebar, openDialog, htmlPayload, listenToFrames, closeSidebar, closeDialog } from './frames';
import { toast, ask, notice } from './alerts';
import { togglePanel, refreshOpenPanel, setPanelContext, showExecutions, identityChanged } from './panels';
import { waitForSeeding } from './seeding';

interface State {
  users: DemoUser[];
  documentId: string | null;
  documents: Array<{ id: string; name: string }>;
  now: string;
  seeders: Record<string, string>;
  features: { xendit: boolean };
}

const params = new URLSearchParams(location.search);
let user = params.get('as') || localStorage.getItem('datadesk.user') || 'admin@datadesk.local';
let doc: DocInfo | null = null;
let sheetName = '';
let documentId = '';
const handled = new Set<number>();

const grid = new Grid({
  user: () => user,
  documentId: () => documentId,
  onSelect: (cell, value, sel) => {
    byId('namebox').textContent = cell;
    byId('formula').textContent = value;
    queueSelection(sel);
  },
  onError: (m) => notice(m, 'error'),
});

// The user's selection goes to the spreadsheet (getActiveRange() in the add-on), debounced; flushed before a run.
let lastSel = '';
let pendingSel: (() => Promise<unknown>) | null = null;
let selTimer = 0;
function queueSelection(sel: Selection): void {
  const key = `${documentId}|${user}|${sheetName}|${sel.r},${sel.c},${sel.nr},${sel.nc}`;
  if (key === lastSel || !documentId || !sheetName) return;
  lastSel = key;
  const body = { id: documentId, user, sheet: sheetName, r0: sel.r, c0: sel.c, nr: sel.nr, nc: sel.nc };
  lastSelBody = body;
  pendingSel = () => postJson('/api/select', body);
  clearTimeout(selTimer);
  selTimer = window.setTimeout(() => void flushSelection(), 400);
}
/** The selection last sent (or queued): sent again before each run, so the active sheet at the start of a run is
 * the one the user sees even after a trigger moved it (the emulator keeps one active sheet per document). */
let lastSelBody: { id: string; user: string; sheet: string } | null = null;
async function flushSelection(beforeRun = false): Promise<void> {
  clearTimeout(selTimer);
  const again = lastSelBody;
  const current = again && again.id === documentId && again.user === user && again.sheet === sheetName;
  const f = pendingSel ?? (beforeRun && current ? () => postJson('/api/select', again) : null);
  pendingSel = null;
  if (f) await f().catch((e: Error) => notice(`Selection: ${e.message}`, 'error'));
}

const menubar = new MenuBar((fn, caption) => void runMenu(fn, caption));

function handleUi(e: UiEvent): void {
  if (handled.has(e.seq)) return;
  handled.add(e.seq);
  if (e.action === 'menu' || e.action === 'addonMenu' || e.action === 'createAddonMenu')
    menubar.setAddonMenu(parseMenu(e.payload));
  else if (e.action === 'showSidebar' || e.action === 'sidebar') openSidebar(htmlPayload(e.payload));
  else if (e.action === 'showModalDialog' || e.action === 'showModelessDialog' || e.action === 'dialog')
    openDialog(htmlPayload(e.payload));
  else if (e.action === 'toast') toast(e.payload);
}

async function runMenu(fn: string, caption: string): Promise<void> {
  notice('');
  await flushSelection(true);
  try {
    const r = await execute(fn, 'menu', user, documentId);
    r.ui.forEach(handleUi);
    if (!r.ok) notice(`${caption}: ${r.error?.message ?? 'failed'}`, 'error');
  } catch (e) {
    notice(`${caption}: ${(e as Error).message}`, 'error');
  } finally {
    markDone();
    // Menu runs are counted on their own: RPCs of a sidebar closed a moment ago may still finish meanwhile.
    document.body.dataset.menuRuns = String(++menuRuns);
  }
  void refreshOpenPanel(reloadClock);
}

/** Runs onOpen for the current identity, as Sheets does when that user opens the file. */
async function runOnOpen(): Promise<void> {
  const me = user;
  delete document.body.dataset.menuReady;
  menubar.setAddonMenu(null, 'Building the menu…');
  let status = '';
  try {
    const r = await execute('onOpen', 'simpleTrigger', me, documentId);
    const built = r.ui.filter((e) => e.action === 'menu' || e.action === 'addonMenu' || e.action === 'createAddonMenu');
    r.ui.forEach(handleUi);
    if (!r.ok) status = `onOpen failed: ${r.error?.message}`;
    else if (!built.length) status = 'onOpen built no menu';
    if (status) {
      menubar.setAddonMenu(null, status);
      notice(status, 'error');
    }
  } catch (e) {
    notice(`onOpen failed: ${(e as Error).message}`, 'error');
  }
  markDone();
  if (me === user) document.body.dataset.menuReady = me;
}

/** Loads the document; `followActive` after the user's own sidebar or menu run: a sheet that run activated
 * (Sheet.activate, insertSheet) comes to the front, as Sheets shows it to the user at the keyboard. The selection is
 * flushed before every run, so the active sheet differs from the one shown only when the run moved it. */
async function loadDoc(keepPosition: boolean, followActive = false): Promise<void> {
  if (!documentId) return;
  doc = await getJson<DocInfo>(`/api/doc?id=${encodeURIComponent(documentId)}&user=${encodeURIComponent(user)}`);
  byId('doc-title').textContent = doc.name;
  document.title = `${doc.name} - DataDesk workbench`;
  if (followActive && doc.active && doc.active !== sheetName) {
    sheetName = doc.active;
    keepPosition = false;
  }
  if (!doc.sheets.some((s) => s.name === sheetName)) sheetName = doc.sheets[0]?.name ?? '';
  renderTabs();
  const s = doc.sheets.find((x) => x.name === sheetName);
  if (s) grid.show(s, keepPosition);
}

function renderTabs(): void {
  const tabs = byId('tabs');
  tabs.replaceChildren(
    ...(doc?.sheets ?? []).map((s) =>
      h(
        'button',
        {
          class: `tab${s.name === sheetName ? ' on' : ''}`,
          'data-sheet': s.name,
          onclick: () => {
            sheetName = s.name;
            // The sheet clicked becomes the active one (as in Sheets), even when the cell stays A1.
            void loadDoc(false).then(() => queueSelection(grid.selection));
          },
        },
        s.name,
      ),
    ),
  );
}

let changeTimer = 0;
let menuRuns = 0;
let panelTimer = 0;
function onEvent(e: PageEvent): void {
  if (e.kind === 'ui') handleUi(e);
  else if (e.kind === 'ask') ask(e.id, e.request);
  else if (e.kind === 'change' && e.scope === 'sheet') {
    // Sheet writes arrive in bursts; refresh once per burst.
    if (e.id !== documentId) return;
    clearTimeout(changeTimer);
    changeTimer = window.setTimeout(() => void loadDoc(true).catch((x: Error) => notice(x.message, 'error')), 120);
  } else if (e.kind === 'change') {
    clearTimeout(panelTimer);
    panelTimer = window.setTimeout(() => void refreshOpenPanel(reloadClock), 300);
  } else if (e.kind === 'exec' && e.phase === 'end') {
    reloadClock();
    void showExecutions();
    // Triggers run with no one at the keyboard: only the user's own sidebar or menu run moves what they see.
    if (e.user === user && (e.run === 'rpc' || e.run === 'menu'))
      void loadDoc(true, true).catch((x: Error) => notice(x.message, 'error'));
  }
}

function reloadClock(): void {
  void getJson<{ now: string }>('/api/triggers').then((t) => {
    const c = byId('clock-now');
    c.textContent = wib(t.now);
    c.dataset.iso = t.now;
  });
}

function identitySelect(users: DemoUser[]): HTMLSelectElement {
  if (!users.some((u) => u.email === user)) users = [{ email: user, name: user, role: 'Other', capability: 'core' }, ...users];
  const groups = new Map<string, DemoUser[]>();
  for (const u of users) groups.set(u.capability, [...(groups.get(u.capability) ?? []), u]);
  const sel = h(
    'select',
    { id: 'identity', title: 'Act as (Session.getActiveUser())' },
    ...[...groups].map(([cap, us]) =>
      h(
        'optgroup',
        { label: cap },
        ...us.map((u) => h('option', { value: u.email, selected: u.email === user }, `${u.name} · ${u.role}`)),
      ),
    ),
  ) as HTMLSelectElement;
  sel.addEventListener('change', () => {
    user = sel.value;
    localStorage.setItem('datadesk.user', user);
    document.body.dataset.user = user;
    byId('avatar').textContent = user[0]?.toUpperCase() ?? '?';
    byId('avatar').title = user;
    // Another user opening the file: their own menu, no sidebar left from the previous one.
    closeSidebar();
    closeDialog();
    void runOnOpen();
    // Drive shows the new identity's files
    void identityChanged(reloadClock);
  });
  return sel;
}

function layout(st: State): void {
  const app = byId('app');
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('div', { class: 'logo', title: 'DataDesk workbench' }, h('div', { class: 'logo-sheet' })),
      h(
        'div',
        { class: 'titles' },
        h(
          'div',
          { class: 'title-row' },
          h('span', { id: 'doc-title', class: 'doc-title' }, 'DataDesk Demo'),
          h('span', { class: 'badge' }, 'offline workbench'),
        ),
        menubar.root,
      ),
      h(
        'div',
        { class: 'wb-tools' },
        h('span', { id: 'exec-status', class: 'exec-status' }),
        h('button', { id: 'btn-drive', class: 'wb-btn', onclick: () => void togglePanel('drive', reloadClock) }, 'Drive'),
        h('button', { id: 'btn-clock', class: 'wb-btn', onclick: () => void togglePanel('clock', reloadClock) }, 'Clock & runs'),
        h('button', { id: 'btn-outbox', class: 'wb-btn', onclick: () => void togglePanel('outbox', reloadClock) }, 'Outbox'),
        h(
          'button',
          { id: 'btn-calendar', class: 'wb-btn', onclick: () => void togglePanel('calendar', reloadClock) },
          'Calendar',
        ),
        h('button', { id: 'btn-forms', class: 'wb-btn', onclick: () => void togglePanel('forms', reloadClock) }, 'Forms'),
        st.features.xendit
          ? h('button', { id: 'btn-xendit', class: 'wb-btn', onclick: () => void togglePanel('xendit', reloadClock) }, 'Xendit')
          : null,
        h('span', { id: 'clock-now', class: 'clock', title: 'Emulated time (Asia/Jakarta)' }),
        h('label', { class: 'who' }, 'Act as ', identitySelect(st.users)),
        h('div', { id: 'avatar', class: 'avatar', title: user }, user[0]?.toUpperCase() ?? '?'),
      ),
    ),
    h(
      'div',
      { class: 'formula-bar' },
      h('div', { id: 'namebox', class: 'namebox' }, 'A1'),
      h('div', { class: 'fx' }, 'fx'),
      h('div', { id: 'formula', class: 'formula' }),
    ),
    h(
      'main',
      { class: 'body' },
      h('aside', { id: 'panel-drive', class: 'panel', hidden: true }),
      h('aside', { id: 'panel-clock', class: 'panel', hidden: true }),
      h('aside', { id: 'panel-outbox', class: 'panel', hidden: true }),
      h('aside', { id: 'panel-calendar', class: 'panel', hidden: true }),
      h('aside', { id: 'panel-forms', class: 'panel', hidden: true }),
      h('aside', { id: 'panel-xendit', class: 'panel', hidden: true }),
      h('div', { class: 'sheet-area' }, grid.root),
      h('aside', { id: 'sidebar', class: 'sidebar', hidden: true }),
    ),
    h(
      'footer',
      { class: 'tabs-bar' },
      h('button', { class: 'tab-add', disabled: true, title: 'Add sheet' }, '+'),
      h('div', { id: 'tabs', class: 'tabs' }),
      h('div', { id: 'notice', class: 'notice', hidden: true }),
    ),
    h('div', { id: 'dialog-layer', class: 'layer', hidden: true }),
    h('div', { id: 'alert-layer', class: 'layer', hidden: true }),
    h('div', { id: 'toast', class: 'toast', hidden: true }),
  );
  document.body.dataset.user = user;
  document.body.dataset.busy = '0';
  document.body.dataset.client = clientId;
}

async function main(): Promise<void> {
  await waitForSeeding();
  const st = await getJson<State>('/api/state');
  layout(st);
  setPanelContext({
    user: () => user,
    documentId: () => documentId,
    reloadDoc: () => void loadDoc(true).catch((x: Error) => notice(x.message, 'error')),
  });
  listenToFrames(async (fn, args) => {
    await flushSelection(true);
    try {
      const r = await execute(fn, 'rpc', user, documentId, args);
      r.ui.forEach(handleUi);
      void refreshOpenPanel(reloadClock);
      return r;
    } finally {
      markDone();
    }
  });
  reloadClock();
  const failed = Object.entries(st.seeders).filter(([, v]) => v !== 'ok');
  if (failed.length) notice(`Demo seeding failed for: ${failed.map(([k, v]) => `${k} (${v})`).join('; ')}`, 'error');
  // ?doc=<id> opens another spreadsheet (one the add-on made, opened from a sidebar's link).
  const asked = params.get('doc');
  documentId = (asked && st.documents.some((d) => d.id === asked) ? asked : null) ?? st.documentId ?? st.documents[0]?.id ?? '';
  if (asked && documentId !== asked)
    notice(`Spreadsheet ${asked} is not in this workbench; the demo spreadsheet is shown.`, 'error');
  if (!documentId) {
    notice('No spreadsheet: start with seeding (npm start) or run `datadesk seed`.', 'error');
    return;
  }
  await connectEvents(onEvent);
  await loadDoc(false);
  await runOnOpen();
}

main().catch((e: Error) => {
  document.body.append(h('pre', { class: 'fatal' }, `The workbench could not start: ${e.message}`));
});
