// The entry of build/pdflib.html: pdf-lib as one script that defines the global DataDeskPdfLib when evaluated. It is
// kept out of Code.js (which every execution loads) and evaluated only by executions that render a PDF
// (platform/code.ts loadPdfLib). Built by scripts/build.mjs; nothing imports this file.
/// <reference path="../budget/pdf-lib.d.ts" />
export * from 'pdf-lib/dist/pdf-lib.esm.js';
