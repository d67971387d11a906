// Every sidebar's script and its index.html agree: each declared form field and each element the script looks up by
// id is in the page, as the kind of element the script expects (a renamed id fails here, not in front of a user).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Field } from '../../src/client/core/form';

const CLIENT = join(__dirname, '../../src/client');
const pages = readdirSync(CLIENT).filter((d) => existsSync(join(CLIENT, d, 'index.html')));

/** id → the element's tag and, for inputs, its type. */
function elementsOf(html: string): Map<string, { tag: string; type: string }> {
  const out = new Map<string, { tag: string; type: string }>();
  for (const m of html.matchAll(/<(\w+)\b([^>]*)>/g)) {
    const id = /\bid="([^"]+)"/.exec(m[2])?.[1];
    if (id) out.set(id, { tag: m[1].toLowerCase(), type: /\btype="([^"]+)"/.exec(m[2])?.[1] ?? '' });
  }
  return out;
}

/** Ids the script reaches with byId('…'), onClick('…') or the Segments sidebar's act('…'). */
function idsUsedBy(dir: string): string[] {
  const ids = new Set<string>();
  for (const f of readdirSync(join(CLIENT, dir)).filter((x) => x.endsWith('.ts'))) {
    const src = readFileSync(join(CLIENT, dir, f), 'utf8');
    for (const m of src.matchAll(/\b(?:byId|onClick|act)\(\s*'([^']+)'/g)) ids.add(m[1]);
  }
  return [...ids];
}

function fieldsOf(dir: string): Record<string, Field<unknown>> {
  const file = join(CLIENT, dir, 'fields.ts');
  if (!existsSync(file)) return {};
  const mod = require(file) as Record<string, Record<string, Field<unknown>>>;
  return Object.assign({}, ...Object.values(mod));
}

const expected: Record<Field<unknown>['kind'], (e: { tag: string; type: string }) => boolean> = {
  input: (e) => e.tag === 'input' && e.type !== 'checkbox',
  'input:checkbox': (e) => e.tag === 'input' && e.type === 'checkbox',
  select: (e) => e.tag === 'select',
  textarea: (e) => e.tag === 'textarea',
  group: () => true,
};

describe.each(pages)('sidebar %s', (dir) => {
  const html = readFileSync(join(CLIENT, dir, 'index.html'), 'utf8');
  const els = elementsOf(html);

  it('holds every element its script looks up by id', () => {
    const used = idsUsedBy(dir);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((id) => !els.has(id))).toEqual([]);
  });

  it('holds every declared form field as the element kind the binding reads', () => {
    const wrong = Object.values(fieldsOf(dir))
      .filter((f) => f.kind !== 'group')
      .filter((f) => !els.has(f.key) || !expected[f.kind](els.get(f.key)!))
      .map((f) => `${f.key} (${f.kind}, page has ${els.has(f.key) ? `<${els.get(f.key)!.tag}>` : 'nothing'})`);
    expect(wrong).toEqual([]);
  });
});

describe.each(pages.filter((d) => existsSync(join(CLIENT, d, 'fields.ts'))))('form of %s', (dir) => {
  it('declares every control of its page as a field (none read by a stray id)', () => {
    const html = readFileSync(join(CLIENT, dir, 'index.html'), 'utf8');
    const declared = new Set(Object.values(fieldsOf(dir)).map((f) => f.key));
    const controls = [...elementsOf(html)].filter(([, e]) => ['input', 'select', 'textarea'].includes(e.tag)).map(([id]) => id);
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.filter((id) => !declared.has(id))).toEqual([]);
  });
});
