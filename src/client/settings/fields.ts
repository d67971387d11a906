// The settings sidebar's form fields, declared once (index.html holds the elements; tests/client checks the ids).
import { text } from '../core/form';

export const SETTINGS_FIELDS = {
  roles: text('roles', 'textarea'),
  dbUrl: text('dbUrl'),
  dbUser: text('dbUser'),
  dbPassword: text('dbPassword'),
  deliveryFolders: text('deliveryFolders', 'textarea'),
};
