// HtmlOutput (reference/html/html-output): page content, title, size, sandbox and X-Frame mode; crosses as HtmlWire.
import type { HtmlWire } from '../../runtime/wire';
import { Blob, encodeString } from '../blob';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

/** Text made safe to place in HTML (what <?= ?> and appendUntrusted do). */
export function escapeHtml(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function invalid(what: string): Error {
  const e = new Error(`Invalid argument: ${what}`);
  e.name = 'Exception';
  return e;
}

/** A class's methods checked against Apps Script's parameter lists (results are this runtime's own classes). */
export type Params<T> = { [K in keyof T]: T[K] extends (...a: infer A) => unknown ? (...a: A) => unknown : T[K] };

export class HtmlOutput
  implements
    Params<
      Pick<
        GoogleAppsScript.HTML.HtmlOutput,
        | 'getContent'
        | 'setContent'
        | 'append'
        | 'appendUntrusted'
        | 'clear'
        | 'getTitle'
        | 'setTitle'
        | 'getWidth'
        | 'setWidth'
        | 'getHeight'
        | 'setHeight'
        | 'setSandboxMode'
        | 'setXFrameOptionsMode'
        | 'getFaviconUrl'
        | 'setFaviconUrl'
        | 'addMetaTag'
        | 'getMetaTags'
        | 'getBlob'
        | 'asTemplate'
      >
    >
{
  private content: string;
  private title = '';
  /** 0 = not set (Apps Script's defaults for an unset size are unconfirmed; sidebars are always 300 px wide). */
  private width = 0;
  private height = 0;
  private sandbox: string = SandboxMode.IFRAME;
  private favicon = '';
  private meta: { name: string; content: string }[] = [];
  /** Set when the output came from a template: asTemplate() gives it back. */
  asTemplateSource: (() => unknown) | null = null;

  constructor(content = '') {
    this.content = String(content ?? '');
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content ?? '');
    return this;
  }
  append(added: string): this {
    this.content += String(added ?? '');
    return this;
  }
  appendUntrusted(added: string): this {
    this.content += escapeHtml(added ?? '');
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title ?? '');
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(w: number): this {
    if (!Number.isFinite(Number(w)) || Number(w) < 0) throw invalid('width');
    this.width = Math.trunc(Number(w));
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(h: number): this {
    if (!Number.isFinite(Number(h)) || Number(h) < 0) throw invalid('height');
    this.height = Math.trunc(Number(h));
    return this;
  }
  setSandboxMode(mode: unknown): this {
    const m = String(mode);
    if (!(m in SandboxMode)) throw invalid('mode');
    // Apps Script now serves every page as IFRAME whatever mode is asked for (reference/html/sandbox-mode).
    this.sandbox = SandboxMode.IFRAME;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    const m = String(mode);
    if (!(m in XFrameOptionsMode)) throw invalid('mode');
    return this;
  }
  getFaviconUrl(): string {
    return this.favicon;
  }
  setFaviconUrl(url: string): this {
    this.favicon = String(url);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.meta.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.meta.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  /** The page as an HTML blob named after the title (Apps Script's blob name is unconfirmed). */
  getBlob(): Blob {
    return new Blob(encodeString(this.content), 'text/html', this.title || null);
  }
  asTemplate(): unknown {
    if (!this.asTemplateSource) {
      const e = new Error('not emulated: HtmlOutput.asTemplate on output that was not made from a template');
      throw e;
    }
    return this.asTemplateSource();
  }
  /** How the output crosses the bridge to Ui.showSidebar / showModalDialog (HtmlWire in runtime/wire.ts). */
  toWire(): HtmlWire {
    return {
      __html: true,
      content: this.content,
      title: this.title,
      width: this.width,
      height: this.height,
      sandbox: this.sandbox,
    };
  }
  toString(): string {
    return 'HtmlOutput';
  }
}
