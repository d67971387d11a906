// The Reports sidebar's form fields, declared once (index.html holds the elements; tests/client checks the ids).
import { choice, flag, num, text } from '../core/form';
import type { RpcResult } from '../core/rpc';

type Settings = RpcResult<'reports_getSettings'>['settings'];

export const REPORTS_FIELDS = {
  schema: text('schema'),
  folders: text('folders', 'textarea'),
  pattern: text('pattern'),
  webhookFormat: choice<Settings['webhookFormat']>('webhookFormat'),
  webhookUrl: text('webhookUrl'),
  scheduleDay: num('scheduleDay'),
  scheduleHour: num('scheduleHour'),
  scheduleEnabled: flag('scheduleEnabled'),
  month: text('month'),
};
