// The page's language: read from <html lang> (the server serves each page in the user's language), the switch every
// sidebar shows (it keeps the choice as the user's property and rebuilds the menu), and static texts marked in
// index.html with data-t="key" (data-t-placeholder, data-t-title for attributes), filled from the catalogue.
import { currentLang, isLang, Lang, render, setLang, t, TextKey, TextParams } from '../../server/core/text';
import { el } from './dom';
import type { PageName } from '../../server/platform/ui';
import { call } from './rpc';
import { showError } from './errors';

/** The language the page was served in. */
export function pageLang(): Lang {
  const l = document.documentElement.lang;
  return isLang(l) ? l : 'id';
}

/** Fills every element marked with data-t (its text) or data-t-placeholder / data-t-title (that attribute). */
export function translatePage(root: ParentNode = document): void {
  for (const n of Array.from(root.querySelectorAll<HTMLElement>('[data-t]'))) n.textContent = t(n.dataset.t as TextKey);
  for (const n of Array.from(root.querySelectorAll<HTMLElement>('[data-t-placeholder]')))
    n.setAttribute('placeholder', t(n.dataset.tPlaceholder as TextKey));
  for (const n of Array.from(root.querySelectorAll<HTMLElement>('[data-t-title]')))
    n.setAttribute('title', t(n.dataset.tTitle as TextKey));
}

/**
 * A catalogue text as nodes, the parameters named in `data` (names people entered) marked translate="no", so they are
 * shown as entered and never read as a word of either language: `tData('budget.ui.approval.approveAll', { cluster,
 * month }, ['cluster'])`.
 */
export function tData<K extends TextKey>(
  key: K,
  params: TextParams<K>,
  data: ReadonlyArray<keyof TextParams<K>>,
): DocumentFragment {
  const values: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  const marked = data.map((k) => String(values[k as string] ?? ''));
  data.forEach((k, i) => (values[k as string] = `\ue000${i}\ue000`));
  const out = document.createDocumentFragment();
  render(currentLang(), key, values)
    .split(/\ue000(\d+)\ue000/)
    .forEach((part, i) => out.append(i % 2 ? el('span', { translate: 'no' }, marked[Number(part)]) : part));
  return out;
}

/** Whether the user has typed or chosen anything on this page (then a switch must not reload it). */
let touched = false;

/**
 * Switches the page to `lang` at once and keeps the choice on the server (user property, menu). A page nobody has
 * filled in yet is opened again by the server in `lang`, so Google's title bar (set when a page opens) follows too; a
 * page with the user's input stays as it is (nothing typed is lost) and gets its new title at its next opening.
 */
async function switchTo(lang: Lang, rerender: () => void, page: PageName): Promise<void> {
  setLang(lang);
  document.documentElement.lang = lang;
  translatePage();
  rerender();
  try {
    await call('app_setLanguage', lang, touched ? null : page);
  } catch (e) {
    showError(e);
  }
}

/** The ID | EN switch, into #lang; `rerender` redraws what the page built in script. */
function renderSwitch(rerender: () => void, page: PageName): void {
  const box = document.getElementById('lang');
  if (!box) return;
  const button = (lang: Lang, label: string) =>
    el(
      'button',
      {
        class: currentLang() === lang ? 'small active' : 'small',
        'data-lang': lang,
        title: t(lang === 'id' ? 'common.lang.id' : 'common.lang.en'),
        'aria-pressed': String(currentLang() === lang),
        onclick: () => {
          if (currentLang() === lang) return;
          void switchTo(lang, rerender, page).then(() => renderSwitch(rerender, page));
          renderSwitch(rerender, page);
        },
      },
      label,
    );
  box.replaceChildren(button('id', 'ID'), button('en', 'EN'));
  box.setAttribute('aria-label', t('common.lang.label'));
}

/** Starts `page` in its served language: static texts filled, the switch shown; `rerender` after a switch. */
export function initLanguage(page: PageName, rerender: () => void = () => undefined): void {
  setLang(pageLang());
  translatePage();
  renderSwitch(rerender, page);
  for (const type of ['input', 'change']) document.addEventListener(type, () => (touched = true), true);
}
