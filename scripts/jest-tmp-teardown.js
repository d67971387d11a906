// Removes the run's temporary directory made by jest-tmp-setup.js (everything the tests left in it).
const { rmSync } = require('node:fs');

module.exports = async () => {
  const dir = process.env.DATADESK_TEST_TMP;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
