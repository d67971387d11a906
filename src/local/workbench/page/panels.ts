// Workbench panels beside the spreadsheet: the local Drive, the clock with installed triggers and recent executions
// (emulator and projected Apps Script time), the mail outbox, and (capability-panels.ts) calendars, form responses
// and the Xendit stand-in.
import { h, byId, wib, bytes } from './dom';
import { getJson, postJson } from './api';
import type { DriveItem, DriveListing } from '../backend';
import type { ExecutionInfo } from '../executions';
import { forgetDrawn, showCalendar, showForms, showXendit } from './capability-panels';
interface TriggerInfo {
  id: string;
  fn: string;
  kind: string;
  description: string;
  user: string;
  nextRun: string | null;
}
interface TickRun {
  fn: string;
  at: string;
  user: string;
  ok: boolean;
  error: string | null;
  durationMs: number;
  logs: string[];
}
interface MailItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  sentAt: string;
  from: string;
  attachments: Array<{ name: string; mimeType: string; size: number }>;
}

export type PanelName = 'drive' | 'clock' | 'outbox' | 'calendar' | 'forms' | 'xendit';
const PANELS: PanelName[] = ['drive', 'clock', 'outbox', 'calendar', 'forms', 'xendit'];

/** Who is acting and which spreadsheet is open (the calendar and forms panels need them). */
let context = { user: () => '', documentId: () => '', reloadDoc: () => undefined as undefined };
export function setPanelContext(c: typeof context): void {
  context = c;
}

const TITLES: Record<'calendar' | 'forms' | 'xendit', string> = {
  calendar: 'Calendar',
  forms: 'Form responses',
  xendit: 'Xendit (stand-in)',
};

async function showCapability(name: 'calendar' | 'forms' | 'xendit'): Promise<void> {
  const p = panel(name);
  const top = head(TITLES[name], name);
  try {
    if (name === 'calendar') await showCalendar(p, top, context.user());
    else if (name === 'forms') await showForms(p, top, context.documentId(), context.reloadDoc);
    else await showXendit(p, top, context.user());
  } catch (e) {
    forgetDrawn(p);
    fail(p, e as Error);
  }
}

function panel(name: PanelName): HTMLElement {
  return byId(`panel-${name}`);
}

function fail(p: HTMLElement, e: Error): void {
  p.append(h('div', { class: 'panel-error' }, e.message));
  p.dataset.loaded = '1';
}

function head(title: string, _name: PanelName, ...extra: Node[]): HTMLElement {
  return h(
    'div',
    { class: 'panel-head' },
    h('h2', {}, title),
    ...extra,
    h('button', { class: 'x', title: 'Close', onclick: () => closePanels() }, '×'),
  );
}

export function closePanels(): void {
  for (const n of PANELS) panel(n).hidden = true;
  for (const b of document.querySelectorAll('.wb-btn.on')) b.classList.remove('on');
}

export async function togglePanel(name: PanelName, reloadClock: () => void): Promise<void> {
  const p = panel(name);
  const wasOpen = !p.hidden;
  closePanels();
  if (wasOpen) return;
  p.hidden = false;
  byId(`btn-${name}`).classList.add('on');
  if (name === 'drive') await showDrive(null, false);
  else if (name === 'clock') await showClock(reloadClock);
  else if (name === 'outbox') await showOutbox();
  else await showCapability(name);
}

/** Opens the Drive panel on a folder (a link to the folder in Google Drive, followed offline). */
export async function openDriveFolder(folderId: string): Promise<void> {
  closePanels();
  panel('drive').hidden = false;
  byId('btn-drive').classList.add('on');
  await showDrive(folderId, false);
}

/** Another identity: the Drive panel starts again from their My Drive (the folder open before may not be theirs). */
export async function identityChanged(reloadClock: () => void): Promise<void> {
  if (!panel('drive').hidden) await showDrive(null, panel('drive').dataset.trash === '1');
  else await refreshOpenPanel(reloadClock);
}

/** Reloads whichever panel is open (after an execution may have written files, mail or triggers). */
export async function refreshOpenPanel(reloadClock: () => void): Promise<void> {
  if (!panel('drive').hidden) await showDrive(panel('drive').dataset.folder || null, panel('drive').dataset.trash === '1');
  else if (!panel('outbox').hidden) await showOutbox();
  else if (!panel('clock').hidden) {
    await showTriggers(reloadClock);
    await showExecutions();
  } else if (!panel('calendar').hidden) await showCapability('calendar');
  else if (!panel('xendit').hidden) await showCapability('xendit');
}

function secs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Recent executions: what they took here and what they would take in Apps Script, with the dearest parts. */
export async function showExecutions(): Promise<void> {
  const list = document.getElementById('exec-list');
  if (!list) return;
  try {
    const { items } = await getJson<{ items: ExecutionInfo[] }>('/api/executions');
    list.replaceChildren(
      ...(items.length
        ? items.map((x) => {
            const parts = Object.entries(x.byService)
              .filter(([, ms]) => ms >= 1)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 4)
              .map(([k, ms]) => `${k} ${secs(ms)}`)
              .join(' · ');
            return h(
              'div',
              {
                class: `run exec ${x.ok ? 'ok' : 'bad'}`,
                'data-fn': x.fn,
                'data-projected-ms': String(Math.round(x.projectedMs)),
                'data-duration-ms': String(x.durationMs),
              },
              h('b', {}, x.fn),
              ` ${x.kind} as ${x.user} · ${x.calls} calls`,
              h(
                'div',
                { class: 'exec-times' },
                h(
                  'span',
                  { class: 'projected', title: 'Projected Apps Script time (cost model)' },
                  `${secs(x.projectedMs)} in Apps Script`,
                ),
                ` · ${secs(x.durationMs)} here`,
              ),
              parts ? h('div', { class: 'muted' }, parts) : null,
              x.error ? h('div', { class: 'err' }, x.error) : null,
            );
          })
        : [h('div', { class: 'muted empty' }, 'No executions yet.')]),
    );
  } catch (e) {
    list.replaceChildren(h('div', { class: 'panel-error' }, (e as Error).message));
  }
}

const ICON: Array<[RegExp, string, string]> = [
  [/spreadsheet|excel|sheet/, 'XLS', 'x'],
  [/csv/, 'CSV', 'x'],
  [/pdf/, 'PDF', 'p'],
  [/^image\//, 'IMG', 'i'],
  [/zip/, 'ZIP', 'z'],
  [/json/, 'JSON', 't'],
  [/text/, 'TXT', 't'],
];
/** A small type badge (text, so it needs no icon font). */
function icon(it: DriveItem): HTMLElement {
  if (it.kind === 'folder') return h('span', { class: 'ico folder', title: 'Folder' });
  const [, label, cls] = ICON.find(([re]) => re.test(it.mimeType)) ?? [null, 'FILE', 'f'];
  return h('span', { class: `ico badge ${cls}`, title: it.mimeType }, label);
}

/** The identity the page acts as (main.ts keeps it on the body): Drive shows what that user can see. */
function me(): string {
  return document.body.dataset.user ?? '';
}

const ROLE_WORD: Record<string, string> = {
  owner: 'Owner',
  organizer: 'Manager',
  fileOrganizer: 'Content manager',
  writer: 'Editor',
  commenter: 'Commenter',
  reader: 'Viewer',
  link: 'Link',
};

/** Who owns an item and who else it is shared with, in a line (the full lists in the tooltip). */
function sharingLine(it: DriveItem): HTMLElement {
  const owner = it.owner === null ? 'Shared drive' : it.owner === me() ? 'me' : it.owner;
  const parts = [`Owner: ${owner}`];
  if (it.editors.length) parts.push(`${it.editors.length} editor${it.editors.length > 1 ? 's' : ''}`);
  if (it.viewers.length) parts.push(`${it.viewers.length} viewer${it.viewers.length > 1 ? 's' : ''}`);
  if (it.access !== 'PRIVATE') parts.push(`${it.access.toLowerCase().replace(/_/g, ' ')}: ${it.permission.toLowerCase()}`);
  if (it.role !== 'owner') parts.push(`you: ${(ROLE_WORD[it.role] ?? it.role).toLowerCase()}`);
  const title = [
    `Owner: ${it.owner ?? 'a shared drive'}`,
    it.editors.length ? `Editors: ${it.editors.join(', ')}` : '',
    it.viewers.length ? `Viewers: ${it.viewers.join(', ')}` : '',
    `General access: ${it.access}${it.access !== 'PRIVATE' ? ` (${it.permission})` : ''}`,
    `You: ${ROLE_WORD[it.role] ?? it.role}`,
  ]
    .filter(Boolean)
    .join('\n');
  return h('div', { class: 'muted drive-sharing', title, 'data-owner': it.owner ?? '' }, parts.join(' · '));
}

/** The bytes of a browser File as base64 (the upload route takes JSON, like every other POST of the page). */
async function base64Of(f: File): Promise<string> {
  const b = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** "Upload files…": drops files from this computer into the folder as the identity acting now (its owner). */
function uploadButton(folderId: string): HTMLElement {
  const input = h('input', { type: 'file', id: 'drive-upload', multiple: true, hidden: true }) as HTMLInputElement;
  input.addEventListener('change', async () => {
    const user = me();
    for (const f of Array.from(input.files ?? [])) {
      await postJson('/api/drive/upload', { folder: folderId, name: f.name, user, base64: await base64Of(f) });
    }
    await showDrive(folderId, false);
  });
  return h(
    'label',
    { class: 'drive-upload wb-btn', title: 'Upload files into this folder as the current identity' },
    'Upload files…',
    input,
  );
}

export async function showDrive(folderId: string | null, trash: boolean): Promise<void> {
  const p = panel('drive');
  const user = me();
  const as = `user=${encodeURIComponent(user)}`;
  p.dataset.loaded = '0';
  p.dataset.folder = folderId ?? '';
  p.dataset.trash = trash ? '1' : '';
  p.dataset.user = user;
  const toggle = h(
    'button',
    { id: 'drive-trash', class: trash ? 'on' : '', onclick: () => void showDrive(null, !trash) },
    trash ? 'My Drive' : 'Trash',
  );
  p.replaceChildren(head(trash ? 'Drive · Trash' : 'Drive', 'drive', toggle));
  p.append(h('div', { class: 'muted drive-who' }, `As ${user}`));
  try {
    let items: DriveItem[];
    if (trash) items = (await getJson<{ items: DriveItem[] }>(`/api/drive/trash?${as}`)).items;
    else {
      const l = await getJson<DriveListing>(`/api/drive?${as}${folderId ? `&folder=${encodeURIComponent(folderId)}` : ''}`);
      items = l.items;
      // which place the folder lies in: a Shared Drive (its root heads the path), Shared with me, or My Drive
      const top = l.path[0]?.id ?? '';
      const current = l.places.some((pl) => pl.id === top) ? top : l.path[0]?.name === 'My Drive' ? '' : 'shared';
      p.append(
        h(
          'div',
          { class: 'drive-places', id: 'drive-places' },
          ...l.places.map((pl) =>
            h(
              'button',
              {
                class: `place${pl.id === current ? ' on' : ''}`,
                'data-place': pl.kind,
                onclick: () => void showDrive(pl.id || null, false),
              },
              pl.name,
            ),
          ),
        ),
        h(
          'div',
          { class: 'crumbs', id: 'drive-path' },
          ...l.path
            .flatMap((c, i) => [
              i ? h('span', { class: 'sep' }, '›') : null,
              h(
                'a',
                {
                  href: '#',
                  onclick: (e: Event) => {
                    e.preventDefault();
                    void showDrive(c.id, false);
                  },
                },
                c.name,
              ),
            ])
            .filter((x): x is HTMLElement => !!x),
        ),
      );
      if (l.folder.id !== 'shared') p.append(uploadButton(l.folder.id));
    }
    const SHOWN = 500;
    const rows = items.slice(0, SHOWN).map((it) => {
      const url = `/api/drive/file?id=${encodeURIComponent(it.id)}&${as}`;
      const view = `/api/drive/view?id=${encodeURIComponent(it.id)}&${as}`;
      const native = it.mimeType.startsWith('application/vnd.google-apps.');
      const name =
        it.kind === 'folder' && !trash
          ? h(
              'a',
              {
                href: '#',
                class: 'drive-name',
                onclick: (e: Event) => {
                  e.preventDefault();
                  void showDrive(it.id, false);
                },
              },
              it.name,
            )
          : native
            ? h('span', { class: 'drive-name' }, it.name)
            : h('a', { href: view, target: '_blank', rel: 'noopener', class: 'drive-name drive-open' }, it.name);
      return h(
        'div',
        { class: 'drive-item', 'data-kind': it.kind, 'data-name': it.name, 'data-id': it.id, 'data-role': it.role },
        icon(it),
        h(
          'div',
          { class: 'drive-main' },
          name,
          h(
            'div',
            { class: 'muted' },
            `${it.kind === 'file' && !native ? `${bytes(it.size)} · ` : ''}${it.updated ? wib(it.updated) : ''}`,
          ),
          sharingLine(it),
        ),
        it.kind === 'file' && !native
          ? h('a', { href: `${url}&download=1`, class: 'drive-download', title: 'Download', download: it.name }, '⤓')
          : null,
      );
    });
    p.append(
      h(
        'div',
        { class: 'drive-list' },
        ...(rows.length ? rows : [h('div', { class: 'muted empty' }, trash ? 'Trash is empty' : 'This folder is empty')]),
      ),
    );
    if (items.length > SHOWN) p.append(h('div', { class: 'muted empty' }, `Showing ${SHOWN} of ${items.length} items.`));
    p.dataset.loaded = '1';
  } catch (e) {
    fail(p, e as Error);
  }
}

let clockSeq = 0;

function isoLocalPlus(iso: string, ms: number): string {
  return new Date(Math.floor((new Date(iso).getTime() + ms) / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The next 2nd of a month at 02:00 WIB after `iso` (the monthly report is due from 01:00 WIB on the 2nd). */
function nextSecond(iso: string): string {
  const now = new Date(iso);
  const wibNow = new Date(now.getTime() + 7 * 3600_000);
  let y = wibNow.getUTCFullYear();
  let m = wibNow.getUTCMonth();
  let t = Date.UTC(y, m, 2, 2 - 7, 0, 0);
  if (t <= now.getTime()) {
    m += 1;
    if (m > 11) {
      m = 0;
      y += 1;
    }
    t = Date.UTC(y, m, 2, 2 - 7, 0, 0);
  }
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function showClock(reloadClock: () => void): Promise<void> {
  const p = panel('clock');
  p.dataset.loaded = '0';
  const st = await getJson<{ now: string }>('/api/triggers');
  const input = h('input', {
    id: 'clock-to',
    type: 'text',
    value: isoLocalPlus(st.now, 3600_000),
    spellcheck: 'false',
  }) as HTMLInputElement;
  const runs = h('div', { id: 'clock-runs', 'data-seq': String(clockSeq), 'data-state': 'idle' });
  const quick = (label: string, f: () => string) => h('button', { class: 'small', onclick: () => (input.value = f()) }, label);
  const nowIso = () => byId('clock-now').dataset.iso ?? st.now;
  const advance = h(
    'button',
    {
      id: 'clock-advance',
      class: 'primary',
      onclick: async () => {
        runs.dataset.state = 'running';
        runs.replaceChildren(h('div', { class: 'muted' }, 'Advancing the clock and running due triggers…'));
        try {
          const r = await postJson<{ now: string; runs: TickRun[] }>('/api/clock', { to: input.value.trim() });
          runs.replaceChildren(
            h('div', { class: 'muted' }, `Clock now ${wib(r.now)} · ${r.runs.length} trigger run(s)`),
            ...r.runs.map((x) =>
              h(
                'div',
                {
                  class: `run ${x.ok ? 'ok' : 'bad'}`,
                  'data-fn': x.fn,
                  'data-ok': x.ok ? '1' : '0',
                  'data-error': x.error ?? '',
                },
                h('b', {}, x.fn),
                ` ${wib(x.at)} as ${x.user} · ${x.ok ? 'ok' : 'failed'} in ${x.durationMs} ms`,
                x.error ? h('div', { class: 'err' }, x.error) : null,
                x.logs.length ? h('pre', { class: 'logs' }, x.logs.slice(-20).join('\n')) : null,
              ),
            ),
          );
        } catch (e) {
          runs.replaceChildren(h('div', { class: 'panel-error' }, (e as Error).message));
        }
        runs.dataset.seq = String(++clockSeq);
        runs.dataset.state = 'done';
        reloadClock();
        await showTriggers(reloadClock);
        await showExecutions();
      },
    },
    'Advance & fire due triggers',
  );
  p.replaceChildren(
    head('Clock, triggers & runs', 'clock'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'clock-to' }, 'Advance the emulated clock to (ISO time, UTC "Z" or with offset)'),
      input,
    ),
    h(
      'div',
      { class: 'quick' },
      quick('+1 hour', () => isoLocalPlus(nowIso(), 3600_000)),
      quick('+1 day', () => isoLocalPlus(nowIso(), 86400_000)),
      quick('Next 2nd, 02:00 WIB', () => nextSecond(nowIso())),
    ),
    advance,
    runs,
    h('h3', {}, 'Installed triggers'),
    h('div', { id: 'trigger-list' }),
    h('h3', {}, 'Recent executions (projected Apps Script time)'),
    h('div', { id: 'exec-list' }),
  );
  await showTriggers(reloadClock);
  await showExecutions();
  p.dataset.loaded = '1';
}

async function showTriggers(_reload: () => void): Promise<void> {
  const list = document.getElementById('trigger-list');
  if (!list) return;
  try {
    const t = await getJson<{ now: string; triggers: TriggerInfo[] }>('/api/triggers');
    list.replaceChildren(
      ...(t.triggers.length
        ? t.triggers.map((x) =>
            h(
              'div',
              { class: 'trigger', 'data-fn': x.fn },
              h('b', {}, x.fn),
              ` · ${x.description || x.kind}`,
              h('div', { class: 'muted' }, `${x.user}${x.nextRun ? ` · next ${wib(x.nextRun)}` : ''}`),
            ),
          )
        : [h('div', { class: 'muted empty' }, 'No installed triggers.')]),
    );
  } catch (e) {
    list.replaceChildren(h('div', { class: 'panel-error' }, (e as Error).message));
  }
}

/** The readable text of a chat post: Google Chat `text`, Telegram `text`, Discord `content`, else the JSON. */
function hookText(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  const t = b.text ?? b.content;
  return typeof t === 'string' ? t : JSON.stringify(body, null, 2);
}

export async function showOutbox(): Promise<void> {
  const p = panel('outbox');
  p.dataset.loaded = '0';
  p.replaceChildren(head('Outbox', 'outbox'));
  try {
    const { items } = await getJson<{ items: MailItem[] }>('/api/outbox');
    const rows = [...items].reverse().map((m) => {
      const body = h('div', { class: 'mail-body', hidden: true });
      const item = h(
        'div',
        { class: 'mail', 'data-subject': m.subject },
        h(
          'div',
          {
            class: 'mail-head',
            onclick: () => {
              body.hidden = !body.hidden;
              if (!body.hidden && !body.childElementCount) {
                if (m.htmlBody) {
                  const f = h('iframe', { sandbox: '', title: m.subject }) as HTMLIFrameElement;
                  f.srcdoc = m.htmlBody;
                  body.append(f);
                } else body.append(h('pre', {}, m.body));
                if (m.attachments.length) {
                  body.append(
                    h(
                      'div',
                      { class: 'muted' },
                      'Attachments:',
                      ...m.attachments.map((a, i) =>
                        h(
                          'a',
                          {
                            class: 'attachment',
                            href: `/api/outbox/attachment?id=${encodeURIComponent(m.id)}&i=${i}`,
                            download: a.name,
                          },
                          `${a.name} (${bytes(a.size)})`,
                        ),
                      ),
                    ),
                  );
                }
              }
            },
          },
          h('b', {}, m.subject || '(no subject)'),
          h('div', { class: 'muted' }, `From ${m.from} · to ${m.to} · ${wib(m.sentAt)}`),
        ),
        body,
      );
      return item;
    });
    p.append(
      h('div', { class: 'mail-list' }, ...(rows.length ? rows : [h('div', { class: 'muted empty' }, 'No mail sent yet.')])),
    );
    const hooks = (await getJson<{ items: Array<{ format: string; path: string; body: unknown; at: string }> }>('/api/webhooks'))
      .items;
    p.append(
      h('h3', {}, 'Chat webhooks (stand-in)'),
      ...(hooks.length
        ? [...hooks]
            .reverse()
            .map((w) =>
              h(
                'div',
                { class: 'mail hook', 'data-format': w.format },
                h(
                  'div',
                  { class: 'mail-head' },
                  h('b', {}, w.format),
                  h('div', { class: 'muted' }, `${wib(w.at)} · ${w.path}`),
                  h('pre', {}, hookText(w.body)),
                ),
              ),
            )
        : [h('div', { class: 'muted empty' }, 'No alerts received yet.')]),
    );
    p.dataset.loaded = '1';
  } catch (e) {
    fail(p, e as Error);
  }
}
