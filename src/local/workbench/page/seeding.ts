// The first start's seeding shown in the page while it runs: each step, what it is doing, how long it has taken.
import { h, byId } from './dom';
import { getJson } from './api';
import type { SeedingInfo } from '../seeding';

const MARK: Record<string, string> = { waiting: '○', running: '◐', ok: '✓', failed: '✗' };
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

function render(s: SeedingInfo): void {
  const done = s.steps.filter((x) => x.state === 'ok' || x.state === 'failed').length;
  const total = Math.max(1, s.steps.length);
  byId('app').replaceChildren(
    h(
      'div',
      { id: 'seeding', class: 'seeding', 'data-done': String(done), 'data-total': String(s.steps.length) },
      h('h1', {}, 'Preparing the demo data (first start)'),
      h('p', { class: 'muted' }, `The workbench opens by itself when it is done · ${seconds(s.elapsedMs)} so far`),
      h('div', { class: 'seed-bar' }, h('div', { class: 'seed-fill', style: `width:${Math.round((done / total) * 100)}%` })),
      h(
        'ol',
        { class: 'seed-steps' },
        ...s.steps.map((x) =>
          h(
            'li',
            { class: `seed-step ${x.state}`, 'data-step': x.name },
            h('span', { class: 'seed-mark' }, MARK[x.state] ?? '○'),
            h('span', { class: 'seed-name' }, x.name),
            h('span', { class: 'seed-detail' }, x.detail),
            h('span', { class: 'seed-ms' }, x.state === 'waiting' ? '' : seconds(x.ms)),
          ),
        ),
      ),
      s.error ? h('p', { class: 'fatal' }, `Seeding failed and the workbench stopped: ${s.error}`) : null,
    ),
  );
}

/** Resolves once no seeding runs; shows its progress meanwhile (polled: the event stream opens only afterwards). */
export async function waitForSeeding(): Promise<void> {
  for (;;) {
    const s = await getJson<SeedingInfo>('/api/seeding');
    if (!s.running) return;
    render(s);
    await new Promise((r) => setTimeout(r, 700));
  }
}
