// Jest transformer: TypeScript to CommonJS with esbuild (type checking is tsc's job, in npm test).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const out = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2022',
      platform: 'node',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: out.code };
  },
};
