// The workbench page's HTML shell; page/main.ts (bundled to build/local/workbench-page.js) builds the rest.
export const PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DataDesk Demo - Workbench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/page.css">
</head>
<body>
<div id="app" data-testid="app"></div>
<script src="/assets/page.js"></script>
</body>
</html>
`;
