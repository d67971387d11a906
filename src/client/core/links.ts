// The only place a sidebar or dialog makes a link or shows a file: links lead over http(s) to Google Drive and Docs
// (or the workbench on this machine) and anything else is shown as plain text; a receipt is shown by its checked type.

/**
 * Where a link may lead: Drive, Docs and Meet over https, Xendit's invoice checkout over https (mentoring's pay link),
 * or the local workbench's own origin and stand-ins (loopback, http or https).
 */
const ALLOWED =
  /^(https:\/\/(drive|docs|meet)\.google\.com|https:\/\/checkout(-staging)?\.xendit\.co|https?:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?)(\/[^\s]*)?$/i;

/**
 * The address when a link may point there, else null: never javascript:, data:, vbscript:, blob: or file:, never
 * another host, never text with control characters or spaces (which some parsers strip to rebuild a scheme).
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in a link are refused on purpose
  if (!u || /[\u0000-\u0020\u007f-\u009f]/.test(u)) return null;
  return ALLOWED.test(u) ? u : null;
}

type Attrs = Record<string, string | undefined>;

function anchor(href: string, text: string, attrs: Attrs): HTMLAnchorElement {
  const a = document.createElement('a');
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a.setAttribute(k, v);
  a.setAttribute('href', href);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
  a.textContent = text;
  return a;
}

/** A link opening `url` in a new tab when safeHref allows it; otherwise `text` alone, as plain text. */
export function link(url: unknown, text: string, attrs: Attrs = {}): HTMLElement {
  const href = safeHref(url);
  if (href) return anchor(href, text, attrs);
  const span = document.createElement('span');
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && k !== 'title') span.setAttribute(k, v);
  span.textContent = text;
  return span;
}

/** The types a receipt may be shown as: what the server decided by content (never a page or a script). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);
const PDF_TYPE = 'application/pdf';

/**
 * A receipt's preview from its bytes (base64) and checked type: an image, or a PDF opened in a new tab (its link
 * kept for a second look); any other type is not shown.
 */
export function filePreview(f: { name: string; mime: string; data: string }): HTMLElement {
  if (IMAGE_TYPES.has(f.mime)) {
    const img = document.createElement('img');
    img.setAttribute('src', `data:${f.mime};base64,${f.data.replace(/[^A-Za-z0-9+/=]/g, '')}`);
    img.setAttribute('alt', f.name);
    return img;
  }
  const span = document.createElement('span');
  span.textContent = f.name;
  if (f.mime !== PDF_TYPE) return span;
  const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: PDF_TYPE }));
  window.open(url, '_blank', 'noopener');
  return anchor(url, f.name, {});
}
