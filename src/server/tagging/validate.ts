// Checks before tagging starts: the model id, and a sheet with SKUs to tag and no SKU twice (INVALID, nothing changed).
import { invalid } from '../core/errors';
import { duplicates, pendingRows } from './layout';

/** Model ids look like "gemini-2.5-flash" or "models/gemini-…"; anything else is refused before a request is made. */
export function checkModelId(model: string): string {
  const m = model.replace(/^models\//, '').trim();
  if (!m) {
    throw invalid({
      id: 'Model Gemini belum diatur. Admin dapat mengisinya di pengaturan Tagging.',
      en: 'No Gemini model is set. An admin can set it in the Tagging settings.',
    });
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,80}$/.test(m)) {
    throw invalid({ id: `ID model tidak valid: "${model}"`, en: `Invalid model id: "${model}"` });
  }
  return m;
}

/** The SKUs waiting for keywords on sheet `name`: at least one, none of them twice. */
export function checkPending(pending: ReturnType<typeof pendingRows>, name: string): void {
  if (!pending.length) {
    throw invalid({
      id: `Tidak ada SKU tanpa kata kunci di sheet "${name}".`,
      en: `Sheet "${name}" has no SKUs without keywords.`,
    });
  }
  const dups = duplicates(pending);
  if (dups.length) {
    const list = dups
      .slice(0, 5)
      .map((d) => `${d.sku} (baris ${d.rows.join(', ')})`)
      .join('; ');
    throw invalid(
      {
        id: `SKU ganda di sheet "${name}": ${list}. Hapus duplikatnya dulu.`,
        en: `Duplicated SKUs in sheet "${name}": ${list.replace(/baris/g, 'rows')}. Remove the duplicates first.`,
      },
      { duplicates: dups.length },
    );
  }
}
