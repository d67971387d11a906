// "Bantuan": each page's short guide (docs/guides/<page>.<lang>.md, put into the page by the build) behind a button.
import { currentLang, Lang, t } from '../../server/core/text';
import { el } from './dom';

/** One block of a guide: a heading, a paragraph or a list. */
export type GuideBlock = { kind: 'h'; text: string } | { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/** The small Markdown the guides use: "## heading", "- item" lists, paragraphs split by blank lines. Text stays text. */
export function parseGuide(md: string): GuideBlock[] {
  const out: GuideBlock[] = [];
  let para: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (para.length) out.push({ kind: 'p', text: para.join(' ') });
    if (list) out.push({ kind: 'ul', items: list });
    para = [];
    list = null;
  };
  for (const raw of md.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) flush();
    else if (/^#{1,3}\s/.test(line)) {
      flush();
      out.push({ kind: 'h', text: line.replace(/^#+\s+/, '') });
    } else if (/^[-*]\s/.test(line)) {
      if (para.length) flush();
      (list ??= []).push(line.slice(2).trim());
    } else if (list && /^\s{2,}/.test(raw)) list[list.length - 1] += ` ${line}`;
    else {
      if (list) flush();
      para.push(line);
    }
  }
  flush();
  return out;
}

/** The guides the build placed in the page (`<script type="application/json" id="dd-guide">`), by language. */
function guides(): Partial<Record<Lang, string>> {
  const node = document.getElementById('dd-guide');
  try {
    return node ? (JSON.parse(node.textContent ?? '{}') as Partial<Record<Lang, string>>) : {};
  } catch {
    return {};
  }
}

function render(blocks: GuideBlock[]): HTMLElement {
  return el(
    'div',
    {},
    ...blocks.map((b) =>
      b.kind === 'h'
        ? el('h2', {}, b.text)
        : b.kind === 'p'
          ? el('p', {}, b.text)
          : el('ul', {}, ...b.items.map((i) => el('li', {}, i))),
    ),
  );
}

/** Puts a "Bantuan" (Help) button at the top right of the page; it opens the guide in the page's language. */
export function mountHelp(lang: () => Lang = currentLang): void {
  const all = guides();
  if (!all.id) return;
  const panel = el('div', { id: 'help', class: 'help', hidden: true, role: 'region' });
  const button = el('button', { id: 'helpButton', class: 'small help-button', type: 'button', 'aria-expanded': 'false' });
  const label = () => t(panel.hidden ? 'common.help.open' : 'common.help.close');
  const show = () => {
    panel.replaceChildren(render(parseGuide(all[lang()] ?? all.id ?? '')));
    button.textContent = label();
  };
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    show();
    if (!panel.hidden) panel.scrollIntoView({ block: 'start' });
  });
  button.textContent = label();
  document.body.prepend(button, panel);
  // a language switch re-renders the page: follow it
  document.addEventListener('click', () => setTimeout(() => (panel.hidden ? (button.textContent = label()) : show()), 0));
}
