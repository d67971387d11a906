// The Marketplace sidebar's settings fields, declared once (index.html holds the elements; tests/client checks the ids).
import { text } from '../core/form';

export const MARKET_FIELDS = {
  rootFolderId: text('rootFolderId'),
  salesSource: text('salesSource'),
  schema: text('schema'),
  mappingSheet: text('mappingSheet'),
  reportTypes: text('reportTypes', 'textarea'),
};
