// Code loaded on demand: vendored libraries kept in project files that are not script (build/<name>.html), so that
// only the executions that need them pay for loading them. Every execution loads all of Code.js before its first line;
// an HTML file is read only when asked for.
/// <reference path="../budget/pdf-lib.d.ts" />
import type * as PdfLibModule from 'pdf-lib/dist/pdf-lib.esm.js';

export type PdfLib = typeof PdfLibModule;

let pdfLib: PdfLib | null = null;

/** pdf-lib, read from the project file pdflib.html and evaluated once per execution (scripts/build.mjs builds it). */
export function loadPdfLib(): PdfLib {
  if (!pdfLib) {
    const source = HtmlService.createHtmlOutputFromFile('pdflib').getContent();
    // The file is one expression whose value is the module; indirect eval runs it in the global scope and gives that
    // value back. The text is the project's own build output, never user input.
    // biome-ignore lint/security/noGlobalEval: evaluating the project's own vendored library file is the point here
    pdfLib = (0, eval)(source) as PdfLib;
  }
  return pdfLib;
}
