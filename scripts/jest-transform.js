// Jest transformer: TypeScript to CommonJS with esbuild (type checking is tsc's job, in npm test).
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

const self = createHash('sha1').update(readFileSync(__filename)).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update(self).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const out = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2022',
      platform: 'node',
      sourcemap: 'inline',
      sourcefile: filename,
      // jest 29 runs CommonJS without VM modules: dynamic import() must become require().
      supported: { 'dynamic-import': false },
    });
    return { code: out.code };
  },
};
