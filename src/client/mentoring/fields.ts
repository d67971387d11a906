// The mentoring sidebar's settings fields, declared once (index.html holds the elements; tests/client checks the ids).
import { num, text } from '../core/form';

export const MENTORING_FIELDS = {
  emailReminderMin: num('emailReminderMin'),
  popupReminderMin: num('popupReminderMin'),
  invoiceHours: num('invoiceHours'),
  leadHours: num('leadHours'),
  secretKey: text('secretKey'),
  callbackToken: text('callbackToken'),
};
