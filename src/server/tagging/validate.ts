// Checks before tagging starts: the model id, and a sheet with SKUs to tag and no SKU twice (INVALID, nothing changed).
import { invalid } from '../core/errors';
import { msg } from '../core/text';
import { duplicates, pendingRows } from './layout';

/** Model ids look like "gemini-2.5-flash" or "models/gemini-…"; anything else is refused before a request is made. */
export function checkModelId(model: string): string {
  const m = model.replace(/^models\//, '').trim();
  if (!m) {
    throw invalid(msg('tagging.error.noModel'));
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,80}$/.test(m)) {
    throw invalid(msg('tagging.error.modelId', { model: String(model).slice(0, 80) }));
  }
  return m;
}

/** The SKUs waiting for keywords on sheet `name`: at least one, none of them twice. */
export function checkPending(pending: ReturnType<typeof pendingRows>, name: string): void {
  if (!pending.length) {
    throw invalid(msg('tagging.error.nothingPending', { name }));
  }
  const dups = duplicates(pending);
  if (dups.length) {
    const list = dups.slice(0, 5).map((d) => msg('tagging.error.duplicateRows', { sku: d.sku, rows: d.rows.join(', ') }));
    throw invalid(msg('tagging.error.duplicates', { name, list }), { duplicates: dups.length });
  }
}
