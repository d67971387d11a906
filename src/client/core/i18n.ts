// The page's language: read from <html lang> (the server serves each page in the user's language), the switch every
// sidebar shows (it keeps the choice as the user's property and rebuilds the menu), and static texts marked in
// index.html with data-t="key" (data-t-placeholder, data-t-title for attributes), filled from the catalogue.
import { currentLang, isLang, Lang, setLang, t, TextKey } from '../../server/core/text';
import { el } from './dom';
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

/** Switches the page to `lang` at once and keeps the choice on the server (user property, menu). */
async function switchTo(lang: Lang, rerender: () => void): Promise<void> {
  setLang(lang);
  document.documentElement.lang = lang;
  translatePage();
  rerender();
  try {
    await call('app_setLanguage', lang);
  } catch (e) {
    showError(e);
  }
}

/** The ID | EN switch, into #lang; `rerender` redraws what the page built in script. */
function renderSwitch(rerender: () => void): void {
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
          void switchTo(lang, rerender).then(() => renderSwitch(rerender));
          renderSwitch(rerender);
        },
      },
      label,
    );
  box.replaceChildren(button('id', 'ID'), button('en', 'EN'));
  box.setAttribute('aria-label', t('common.lang.label'));
}

/** Starts a page in its served language: static texts filled, the switch shown; `rerender` after a switch. */
export function initLanguage(rerender: () => void = () => undefined): void {
  setLang(pageLang());
  translatePage();
  renderSwitch(rerender);
}
