#!/usr/bin/env node
// The datadesk command: runs the built CLI (npm run build makes build/local/cli.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'build', 'local', 'cli.js');
if (!existsSync(cli)) {
  console.error('datadesk: build/local/cli.js is missing; run `npm run build` first.');
  process.exit(1);
}
require(cli);
