// Settings sidebar: add-on roles and the database connection (admins only; the server checks).
import { t } from '../../server/core/text';
import { call } from '../core/rpc';
import { byId, status } from '../core/dom';
import { guarded, onClick } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { SETTINGS_FIELDS } from './fields';

const form = bindForm(SETTINGS_FIELDS);

function renderRoles(rows: Array<{ email: string; roles: string[] }>): void {
  form.fill({ roles: rows.map((r) => `${r.email}, ${r.roles.join(', ')}`).join('\n') });
}

async function load(): Promise<void> {
  renderRoles(await call('settings_listRoles'));
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

initLanguage('settings');
void guarded('', load);
