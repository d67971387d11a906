// The store → channel mapping the team keeps in a sheet (msv_shop_name | msv_vendor | channel): a store that migrated
// from Tokopedia to TikTok Shop is booked as Tokopedia, so its revenue lands in the right business unit.
import { msg, Msg } from '../core/text';

export interface StoreChannel {
  store: string;
  vendor: string;
  channel: string;
}

export const MAPPING_HEADER = ['msv_shop_name', 'msv_vendor', 'channel'] as const;

/** The source's two rows (000 §3.3.1.3, Gambar 3.16). */
export const EXAMPLE_MAPPING: string[][] = [
  ['STORA Storage', 'tiktok-tokopedia', 'Tokopedia'],
  ['Selma ID', 'tiktok', 'Tiktok'],
];

const key = (store: string) => store.trim().toLowerCase();

/** The mapping read from the sheet's values (header first); problems name the row. */
export function parseMapping(values: readonly (readonly unknown[])[]): { stores: StoreChannel[]; problems: Msg[] } {
  const problems: Msg[] = [];
  const header = (values[0] ?? []).slice(0, 3).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  if (header.join('|') !== MAPPING_HEADER.join('|')) {
    return { stores: [], problems: [msg('market.mapping.header', { expected: MAPPING_HEADER.join(' | ') })] };
  }
  const stores: StoreChannel[] = [];
  const seen = new Set<string>();
  values.slice(1).forEach((row, i) => {
    const [store, vendor, channel] = [0, 1, 2].map((c) => String(row[c] ?? '').trim());
    if (!store && !vendor && !channel) return;
    const line = i + 2;
    if (!store || !channel) problems.push(msg('market.mapping.incomplete', { row: line }));
    else if (store.includes('_')) problems.push(msg('market.mapping.underscore', { row: line, store }));
    else if (seen.has(key(store))) problems.push(msg('market.mapping.twice', { row: line, store }));
    else {
      seen.add(key(store));
      stores.push({ store, vendor, channel });
    }
  });
  return { stores, problems };
}

/** The mapping entry of a store named in a file (case and surrounding spaces ignored). */
export function findStore(stores: readonly StoreChannel[], store: string): StoreChannel | null {
  return stores.find((s) => key(s.store) === key(store)) ?? null;
}
