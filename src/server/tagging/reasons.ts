// Why the filter removed a keyword, in the job's language (texts in the catalogue, tagging.removed.*), and the
// "Kata Dihapus" cell built from them.
import { currentLang, Lang, tIn } from '../core/text';
import type { RemovingGroup } from './wordlists';

/** Why one keyword went. `listWord` is the word as written in the word list, null when the keyword is that word. */
export type RemovalReason =
  | { kind: 'list'; group: RemovingGroup; listWord: string | null; near: boolean }
  | { kind: 'duplicate'; of: string | null }
  | { kind: 'tooLong'; max: number }
  | { kind: 'overCount'; max: number }
  | { kind: 'overLength'; max: number };

/** "kata terlarang", "nama merek “Ziploc”", "mirip nama merek “Tupperware”", "sudah ada", ... */
export function removalText(r: RemovalReason, lang: Lang): string {
  switch (r.kind) {
    case 'list': {
      if (r.near) return tIn(lang, 'tagging.removed.nearBrand', { word: r.listWord ?? '' });
      const reason = tIn(lang, `tagging.removed.${r.group}`);
      return r.listWord ? tIn(lang, 'tagging.removed.listWord', { reason, word: r.listWord }) : reason;
    }
    case 'duplicate':
      return r.of ? tIn(lang, 'tagging.removed.duplicateOf', { word: r.of }) : tIn(lang, 'tagging.removed.duplicate');
    default:
      return tIn(lang, `tagging.removed.${r.kind}`, { n: r.max });
  }
}

/** The "Kata Dihapus" cell: "pulpen — sudah ada; wadah ziploc — nama merek “Ziploc”". */
export function formatRemoved(
  removed: ReadonlyArray<{ word: string; reason: RemovalReason }>,
  lang: Lang = currentLang(),
): string {
  return removed.map((r) => tIn(lang, 'tagging.removed.entry', { word: r.word, reason: removalText(r.reason, lang) })).join('; ');
}
