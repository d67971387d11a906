// Settings sidebar: add-on roles and the database connection (admins only; the server checks).
import { call, RpcError } from '../core/rpc';
import { $, status } from '../core/dom';

const rolesBox = $('#roles') as HTMLTextAreaElement;

function showError(e: unknown): void {
  const err = e as RpcError;
  status(`${err.message}${err.messageEn ? ` — ${err.messageEn}` : ''}`, 'error');
}

function renderRoles(rows: Array<{ email: string; roles: string[] }>): void {
  rolesBox.value = rows.map((r) => `${r.email}, ${r.roles.join(', ')}`).join('\n');
}

async function load(): Promise<void> {
  try {
    renderRoles(await call('settings_listRoles'));
    const db = await call('settings_getDb');
    ($('#dbUrl') as HTMLInputElement).value = db.url;
    ($('#dbUser') as HTMLInputElement).value = db.user;
    ($('#dbPassword') as HTMLInputElement).placeholder = db.hasPassword ? '(tersimpan, tidak diubah)' : '(belum ada)';
  } catch (e) {
    showError(e);
  }
}

$('#saveRoles').addEventListener('click', async () => {
  const rows = rolesBox.value
    .split('\n')
    .map((l) =>
      l
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .filter((parts) => parts.length > 0)
    .map(([email, ...roles]) => ({ email, roles: roles as Array<'admin' | 'analyst' | 'merchandiser' | 'auditor'> }));
  try {
    renderRoles(await call('settings_saveRoles', rows));
    status('Peran tersimpan. Roles saved.', 'ok');
  } catch (e) {
    showError(e);
  }
});

$('#saveDb').addEventListener('click', async () => {
  try {
    await call(
      'settings_saveDb',
      ($('#dbUrl') as HTMLInputElement).value,
      ($('#dbUser') as HTMLInputElement).value,
      ($('#dbPassword') as HTMLInputElement).value,
    );
    ($('#dbPassword') as HTMLInputElement).value = '';
    status('Koneksi tersimpan. Connection saved.', 'ok');
  } catch (e) {
    showError(e);
  }
});

void load();
