// The jest run's temporary directory (scripts/jest-tmp-setup.js): tests' temporary files land in one directory per run,
// which the run's teardown removes.
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';

describe('temporary files of a test run', () => {
  it('go to the run’s own directory', () => {
    expect(basename(tmpdir())).toMatch(/^dd-jest-/);
    expect(process.env.DATADESK_TEST_TMP).toBe(tmpdir());
    expect(existsSync(tmpdir())).toBe(true);
  });
  it('that another user (the PostgreSQL server the tests start) may enter, like /tmp', () => {
    expect((statSync(tmpdir()).mode & 0o7777).toString(8)).toBe('1777');
  });
});
