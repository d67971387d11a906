// Lets TypeScript accept the page's CSS import (esbuild bundles it into workbench-page.css).
declare module '*.css';
