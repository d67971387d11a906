// pdf-lib's self-contained ES build (imported by path so every esbuild pass resolves it) has pdf-lib's types.
declare module 'pdf-lib/dist/pdf-lib.esm.js' {
  export * from 'pdf-lib';
}
