// Job owners and their triggers: a job is stuck when its owner's hourly trigger stopped firing.
import { ownerStatus, TRIGGER_SILENT_MS } from '../../../src/server/core/owners';

const NOW = Date.UTC(2026, 11, 2);
const reg = {
  'a@x.id': { uid: '1', installedAt: NOW - 10 * 86_400_000, lastBeatAt: NOW - 3600_000 },
  'b@x.id': { uid: '2', installedAt: NOW - 10 * 86_400_000, lastBeatAt: NOW - TRIGGER_SILENT_MS - 1 },
  'c@x.id': { uid: '3', installedAt: NOW - 60_000, lastBeatAt: null },
};

describe('ownerStatus', () => {
  it('a trigger that fired in the last hours is working; one silent for longer is gone; a new one counts', () => {
    expect(ownerStatus('A@x.id', reg, NOW)).toMatchObject({ owner: 'a@x.id', hasTrigger: true, problem: null });
    const b = ownerStatus('b@x.id', reg, NOW);
    expect(b).toMatchObject({ hasTrigger: false });
    expect(b.problem!.id).toMatch(/b@x\.id[\s\S]*tidak punya pemicu per jam yang aktif[\s\S]*Admin dapat mengambil alih/);
    expect(b.problem!.en).toMatch(/has no working hourly trigger/);
    expect(ownerStatus('c@x.id', reg, NOW).hasTrigger).toBe(true);
    expect(ownerStatus('d@x.id', reg, NOW).hasTrigger).toBe(false);
    expect(ownerStatus('', reg, NOW).problem!.id).toMatch(/belum punya pemilik/);
    // the owner's own live check wins over the register
    expect(ownerStatus('b@x.id', reg, NOW, true)).toMatchObject({ hasTrigger: true, problem: null });
  });
});
