// HtmlService (reference/html/html-service), worker-side: outputs and templates from strings or the bundle's HTML files.
import { readFileSync } from 'node:fs';
import { join, normalize, isAbsolute } from 'node:path';
import type { LocalEnv } from '../local';
import { HtmlOutput, Params, SandboxMode, XFrameOptionsMode } from './output';
import { HtmlTemplate } from './template';
import { strictService } from '../utilities/strict';

function scriptError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

class HtmlService
  implements
    Params<
      Pick<
        GoogleAppsScript.HTML.HtmlService,
        'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
      >
    >
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private env: LocalEnv) {}

  private wrap(o: HtmlOutput): HtmlOutput {
    return strictService(o, 'HtmlOutput', (k) => this.env.count(k), this.env.meter);
  }

  /** The text of `<name>.html` in the bundle (the name may carry the .html extension). Apps Script's message for a
   * missing file, "No HTML file named X was found.", is widely reported; the corpus did not confirm it. */
  private read(name: string): string {
    const n = String(name).replace(/\.html$/i, '');
    const rel = normalize(n + '.html');
    if (!n || isAbsolute(rel) || rel.startsWith('..')) throw scriptError(`No HTML file named ${name} was found.`);
    try {
      return readFileSync(join(this.env.htmlDir, rel), 'utf8');
    } catch {
      throw scriptError(`No HTML file named ${name} was found.`);
    }
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html instanceof HtmlTemplate) return this.wrap(html.evaluate());
    return this.wrap(new HtmlOutput(html === undefined ? '' : String(html)));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return this.wrap(new HtmlOutput(this.read(filename)));
  }
  createTemplate(html: string): HtmlTemplate {
    return new TemplateWithWrap(String(html ?? ''), (o) => this.wrap(o));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new TemplateWithWrap(this.read(filename), (o) => this.wrap(o));
  }
  /** Apps Script's template engine entry; templates here are compiled without it. */
  initTemplate(): never {
    throw new Error('not emulated: HtmlService.initTemplate');
  }
  toString(): string {
    return 'HtmlService';
  }
}

/** A template whose evaluate() hands back a counted, strict HtmlOutput. */
class TemplateWithWrap extends HtmlTemplate {
  constructor(source: string, wrap: (o: HtmlOutput) => HtmlOutput) {
    super(source);
    Object.defineProperty(this, 'evaluate', { enumerable: false, value: () => wrap(HtmlTemplate.prototype.evaluate.call(this)) });
  }
}

export function createHtmlService(env: LocalEnv): object {
  return strictService(new HtmlService(env), 'HtmlService', (k) => env.count(k), env.meter);
}
