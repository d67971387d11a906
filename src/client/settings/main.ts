// Settings sidebar: add-on roles and the database connection (admins only; the server checks).
import { t } from '../../server/core/text';
import { call } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import type { RpcResult } from '../core/rpc';
import { guarded, onClick } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { SETTINGS_FIELDS } from './fields';
import { mountHelp } from '../core/help';

const form = bindForm(SETTINGS_FIELDS);

function renderRoles(rows: Array<{ email: string; roles: string[] }>): void {
  form.fill({ roles: rows.map((r) => `${r.email}, ${r.roles.join(', ')}`).join('\n') });
}

/** The delivery folders: the admin's list in the box (the default folder, first, is not editable here), names below. */
function renderFolders(list: RpcResult<'segments_deliveryFolders'>): void {
  form.fill({
    deliveryFolders: list
      .slice(1)
      .map((f) => f.id)
      .join('\n'),
  });
  byId('deliveryFolderNames').replaceChildren(
    ...list.map((f, i) =>
      el(
        'li',
        {},
        t(i === 0 ? 'settings.folders.defaultLine' : 'settings.folders.line', {
          name: f.name ?? t('settings.folders.notVisible'),
          id: f.id,
        }),
      ),
    ),
  );
}

async function load(): Promise<void> {
  renderRoles(await call('settings_listRoles'));
  renderFolders(await call('segments_deliveryFolders'));
  const db = await call('settings_getDb');
  form.fill({ dbUrl: db.url, dbUser: db.user });
  byId('dbPassword', HTMLInputElement).placeholder = t(db.hasPassword ? 'common.storedUnchanged' : 'common.notSet');
}

onClick(
  'saveRoles',
  () => t('common.saving'),
  async () => {
    const rows = form
      .read()
      .roles.split('\n')
      .map((l) =>
        l
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .filter((parts) => parts.length > 0)
      .map(([email, ...roles]) => ({ email, roles: roles as Array<'admin' | 'analyst' | 'merchandiser' | 'auditor'> }));
    renderRoles(await call('settings_saveRoles', rows));
    status(t('settings.roles.saved'), 'ok');
  },
);

onClick(
  'saveDb',
  () => t('common.saving'),
  async () => {
    const v = form.read();
    await call('settings_saveDb', v.dbUrl, v.dbUser, v.dbPassword);
    form.fill({ dbPassword: '' });
    status(t('settings.db.saved'), 'ok');
  },
);

onClick(
  'saveFolders',
  () => t('common.saving'),
  async () => {
    const ids = form
      .read()
      .deliveryFolders.split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    renderFolders(await call('segments_saveDeliveryFolders', ids));
    status(t('settings.folders.saved'), 'ok');
  },
);

initLanguage('settings');
void guarded('', load);

mountHelp();
