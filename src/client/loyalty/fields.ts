// The weekly reports sidebar's form fields, declared once (index.html holds the elements; tests/client checks the ids).
import { flag, num, text } from '../core/form';

export const LOYALTY_FIELDS = {
  brand: text('brand', 'select'),
  week: text('week'),
  payWithKoin: flag('rPayWithKoin'),
  membersChoice: flag('rMembersChoice'),
  koinInOut: flag('rKoinInOut'),
  koinBeredar: flag('rKoinBeredar'),
  hargaSpesialKoin: flag('rHargaSpesialKoin'),
  folderId: text('folderId'),
  excluded: text('excluded'),
  allowEmpty: flag('allowEmpty'),
  weekday: num('weekday', 'select'),
  hour: num('hour'),
};
