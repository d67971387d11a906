// The product catalogue (SKU → name, category, image URL) from a sheet or a PostgreSQL table, validated.
import { invalid, notFound } from '../core/errors';
import { msg } from '../core/text';
import type { Db } from '../core/db';
import { normalize } from './wordlists';

export interface Product {
  name: string;
  category: string;
  imageUrl: string;
}

export type Catalogue = Map<string, Product>;

const HEAD: Record<'sku' | 'name' | 'category' | 'image', string[]> = {
  sku: ['sku', 'kode sku'],
  name: ['nama produk', 'nama', 'name', 'product name'],
  category: ['kategori', 'category'],
  image: ['url gambar', 'gambar', 'image url', 'image', 'foto'],
};

const key = (sku: string) => sku.trim().toUpperCase();

export function emptyCatalogue(where: string): never {
  throw notFound(msg('tagging.error.catalogueEmpty', { where }));
}

/** Parses catalogue sheet values (header in row 1). */
export function parseCatalogueSheet(values: readonly (readonly unknown[])[], sheetName: string): Catalogue {
  if (values.length < 2) emptyCatalogue(`"${sheetName}"`);
  const header = values[0].map((h) => normalize(String(h ?? '')));
  const col = (k: keyof typeof HEAD) => header.findIndex((h) => HEAD[k].some((a) => h === a || h.startsWith(a + ' ')));
  const c = { sku: col('sku'), name: col('name'), category: col('category'), image: col('image') };
  const missing = Object.entries(c)
    .filter(([, i]) => i < 0)
    .map(([k]) => k);
  if (missing.length) {
    throw invalid(msg('tagging.error.catalogueColumns', { sheet: sheetName, missing: missing.join(', ') }));
  }
  const out: Catalogue = new Map();
  for (let i = 1; i < values.length; i++) {
    const r = values[i];
    const sku = String(r[c.sku] ?? '').trim();
    if (!sku) continue;
    out.set(key(sku), {
      name: String(r[c.name] ?? '').trim(),
      category: String(r[c.category] ?? '').trim(),
      imageUrl: String(r[c.image] ?? '').trim(),
    });
  }
  if (!out.size) emptyCatalogue(`"${sheetName}"`);
  return out;
}

/** One query for all the SKUs asked about (bound as one JSON parameter). */
export function queryCatalogue(db: Db, table: string, skus: readonly string[]): Catalogue {
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)?$/.test(table))
    throw invalid(msg('tagging.error.catalogueTable', { table: String(table).slice(0, 80) }));
  const rows = db.query(
    `SELECT sku, name, category, image_url FROM ${table} WHERE upper(sku) IN (SELECT upper(jsonb_array_elements_text(CAST(? AS jsonb))))`,
    [JSON.stringify(skus)],
  );
  const out: Catalogue = new Map();
  for (const r of rows)
    out.set(key(String(r.sku)), {
      name: String(r.name ?? ''),
      category: String(r.category ?? ''),
      imageUrl: String(r.image_url ?? ''),
    });
  return out;
}

export function lookup(cat: Catalogue, sku: string): Product | undefined {
  return cat.get(key(sku));
}

/** Refuses a job when SKUs are not in the catalogue or lack a name (nothing is changed). */
export function checkCoverage(cat: Catalogue, skus: readonly string[]): void {
  const missing = skus.filter((s) => !lookup(cat, s));
  if (missing.length) {
    const list = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
    throw invalid(msg('tagging.error.notInCatalogue', { count: missing.length, list }), { missing: missing.length });
  }
  const nameless = skus.filter((s) => !lookup(cat, s)!.name);
  if (nameless.length) {
    throw invalid(msg('tagging.error.nameless', { count: nameless.length, list: nameless.slice(0, 10).join(', ') }));
  }
}
