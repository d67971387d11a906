// One temporary directory per jest run: TMPDIR sends every test's mkdtemp (runtime state, stand-ins, databases,
// browser profiles) into it, and jest-tmp-teardown.js removes it when the run ends, so runs leave nothing in /tmp.
const { chmodSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-jest-'));
  // Open like /tmp itself (sticky, everyone may add): a PostgreSQL server the tests start runs as another user and
  // must reach its data and password files in here (mkdtemp makes a directory only its owner may enter).
  chmodSync(dir, 0o1777);
  process.env.DATADESK_TEST_TMP = dir;
  process.env.TMPDIR = dir; // read by os.tmpdir() in the workers jest starts after this
};
