// ContentService (reference/content/content-service), worker-side: TextOutput with its MIME types, returned from
// doGet/doPost and served by the web-app path (services/webapp) after Apps Script's redirect.
import type { LocalEnv } from '../local';
import { strictService } from '../utilities/strict';

/** ContentService.MimeType (reference/content/mime-type) and the Content-Type each is served with. */
export const CONTENT_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
} as const;
export type ContentMimeType = keyof typeof CONTENT_TYPES;
export const MimeType = Object.freeze(
  Object.fromEntries(Object.keys(CONTENT_TYPES).map((k) => [k, k])) as Record<ContentMimeType, ContentMimeType>,
);

/** The wire form of a TextOutput (a plain object the host reads back). */
export interface TextOutputWire {
  __textOutput: true;
  content: string;
  mimeType: ContentMimeType;
  fileName: string | null;
}

function invalid(what: string): Error {
  const e = new Error(`Invalid argument: ${what}`);
  e.name = 'Exception';
  return e;
}

export class TextOutput
  implements
    Pick<GoogleAppsScript.Content.TextOutput, 'getContent' | 'getFileName'>,
    Record<'append' | 'clear' | 'downloadAsFile' | 'setContent' | 'setMimeType' | 'getMimeType', unknown>
{
  private content: string;
  private mimeType: ContentMimeType = 'TEXT';
  private fileName: string | null = null;
  constructor(content?: string) {
    this.content = content === undefined || content === null ? '' : String(content);
  }
  append(addedContent: string): this {
    this.content += String(addedContent ?? '');
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  /** Served as an attachment with this name (reference/content/text-output#downloadAsFile). */
  downloadAsFile(filename: string): this {
    if (typeof filename !== 'string' || !filename || /[\\/:*?"<>|]/.test(filename)) throw invalid('filename');
    this.fileName = filename;
    return this;
  }
  getContent(): string {
    return this.content;
  }
  getFileName(): string {
    return this.fileName as string;
  }
  getMimeType(): ContentMimeType {
    return this.mimeType;
  }
  setContent(content: string): this {
    this.content = String(content ?? '');
    return this;
  }
  setMimeType(mimeType: ContentMimeType): this {
    const m = String(mimeType) as ContentMimeType;
    if (!(m in CONTENT_TYPES)) throw invalid('mimeType');
    this.mimeType = m;
    return this;
  }
  toWire(): TextOutputWire {
    return { __textOutput: true, content: this.content, mimeType: this.mimeType, fileName: this.fileName };
  }
  toString(): string {
    return 'TextOutput';
  }
}

export function createContentService(env: LocalEnv): object {
  const service = {
    MimeType,
    createTextOutput(content?: string): TextOutput {
      return strictService(new TextOutput(content), 'TextOutput', (k) => env.count(k));
    },
    toString: () => 'ContentService',
  };
  return strictService(service, 'ContentService', (k) => env.count(k));
}
