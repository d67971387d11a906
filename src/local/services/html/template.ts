// HtmlTemplate (reference/html/html-template; guides/html/templates): scriptlets compiled to JavaScript and run with
// the template's properties as variables and the script's globals in scope.
import { HtmlOutput, Params } from './output';

interface TemplateState {
  source: string;
  code: string | null;
}

const state = new WeakMap<object, TemplateState>();

/** Compiles `<? code ?>`, `<?= printed (escaped) ?>` and `<?!= printed (raw) ?>` into the function body getCode shows. */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  let i = 0;
  const s = String(source);
  while (i < s.length) {
    const open = s.indexOf('<?', i);
    if (open < 0) {
      lines.push(`output.append(${JSON.stringify(s.slice(i))});`);
      break;
    }
    if (open > i) lines.push(`output.append(${JSON.stringify(s.slice(i, open))});`);
    const close = s.indexOf('?>', open + 2);
    if (close < 0) {
      const e = new Error('Unterminated scriptlet in template: "<?" without "?>"');
      e.name = 'SyntaxError';
      throw e;
    }
    const inner = s.slice(open + 2, close);
    if (inner.startsWith('!=')) lines.push(`output.append(__text(${trimExpr(inner.slice(2))}));`);
    else if (inner.startsWith('=')) lines.push(`output.appendUntrusted(__text(${trimExpr(inner.slice(1))}));`);
    else lines.push(inner);
    i = close + 2;
  }
  return lines.join('\n');
}

function trimExpr(e: string): string {
  const t = e.trim().replace(/;+\s*$/, '');
  if (!t) {
    const err = new Error('Empty printing scriptlet in template');
    err.name = 'SyntaxError';
    throw err;
  }
  return `(${t})`;
}

/** Printed values: null and undefined print nothing (Apps Script's exact handling is unconfirmed). */
function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export class HtmlTemplate implements Params<Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode' | 'getRawContent'>> {
  constructor(source: string) {
    state.set(this, { source: String(source ?? ''), code: null });
  }
  private st(): TemplateState {
    return state.get(this)!;
  }
  getRawContent(): string {
    return this.st().source;
  }
  getCode(): string {
    const st = this.st();
    if (st.code === null) st.code = compileTemplate(st.source);
    return st.code;
  }
  /** Runs the template: its own properties are variables; anything else resolves to the script's globals. */
  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(this)) vars[k] = (this as unknown as Record<string, unknown>)[k];
    const output = new HtmlOutput('');
    // A sloppy-mode function so `with` can put the template's variables in scope.
    const fn = new Function('__vars', 'output', '__text', 'with (__vars) {\n' + this.getCode() + '\n}') as (
      v: Record<string, unknown>,
      o: HtmlOutput,
      t: (v: unknown) => string,
    ) => void;
    fn(vars, output, text);
    const source = this.st().source;
    output.asTemplateSource = () => new HtmlTemplate(source);
    return output;
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}
