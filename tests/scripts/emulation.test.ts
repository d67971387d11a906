// The generated lists of what the emulator implements (docs/emulation/<service>.md) are current, and every emulated
// method is either called by DataDesk (the add-on or its local tools) or exercised by a test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATED, render, untested, classesIn } from '../../scripts/emulation';

const services = Object.keys(EMULATED);

describe.each(services)('emulated service %s', (service) => {
  it('has a committed list matching the emulator and its callers (npm run emulation rewrites it)', () => {
    const committed = readFileSync(join(__dirname, '../../docs/emulation', `${service}.md`), 'utf8');
    expect(committed).toBe(render(service));
  });

  it('has no method that nobody calls and no test exercises (test it, or remove it)', () => {
    expect(untested(service)).toEqual([]);
  });
});

describe('what counts as an emulated method', () => {
  it("takes a class's Apps Script methods and leaves out the emulator's own helpers", () => {
    const src = `export class RangeObj implements Returning<GRange, 'getValues'> {
  static readonly gasName = 'Range';
  getValues(): unknown[][] { return []; }
  setNumberFormat(f: string): RangeObj { return this; }
  private cells(): void {}
  toWire(): unknown { return null; }
  helperOfTheEmulator(): void {}
}
class Store implements StoreLike {
  getValues(): void {}
}`;
    expect(classesIn('src/local/services/spreadsheet/range.ts', src)).toEqual([
      { name: 'Range', file: 'src/local/services/spreadsheet/range.ts', methods: ['getValues', 'setNumberFormat'] },
    ]);
  });
});
