// The workbench page's HTML shell; page/main.ts (bundled to build/local/workbench-page.js) builds the rest.

/** The page's icon: a green sheet, as the header's logo (inline in the page, so loading it requests nothing). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="2" y="1" width="12" height="14" rx="1.5" fill="#0f9d58"/>' +
  '<path d="M5 6h6v6H5z" fill="none" stroke="#fff" stroke-width="1.2"/><path d="M5 9h6M8 6v6" stroke="#fff" stroke-width="1.2"/></svg>';

export const PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DataDesk Demo - Workbench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}">
<link rel="stylesheet" href="/assets/page.css">
</head>
<body>
<div id="app" data-testid="app"></div>
<script src="/assets/page.js"></script>
</body>
</html>
`;
