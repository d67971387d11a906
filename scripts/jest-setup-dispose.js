// Jest runs each test file in its own V8 context, whose Symbol lacks the Symbol.dispose/asyncDispose that Node adds to
// the main context. Libraries then polyfill a different symbol than Node's own objects use, and Playwright's
// disposable handles fail ("Object not disposable"), stalling clicks inside iframes. Share Node's symbols.
const { runInThisContext } = require('node:vm');

const NodeSymbol = runInThisContext('Symbol');
for (const name of ['dispose', 'asyncDispose']) {
  if (NodeSymbol[name] && Symbol[name] !== NodeSymbol[name]) {
    Object.defineProperty(Symbol, name, { value: NodeSymbol[name], configurable: true });
  }
}
