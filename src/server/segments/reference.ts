// Reads the names a request may use (brands, stores, cities, categories, payment methods, voucher programs) in one query.
import type { Db } from '../core/db';
import type { Dialect } from './dialect';
import type { Reference } from './validate';

/** The reference names as one JSON text (kind, a, b, c rows; one getter instead of one per cell). */
export function referenceSql(d: Dialect): string {
  const t = (n: string) => d.table(n);
  const rows = [
    `SELECT 'brand' AS kind, name AS a, '' AS b, '' AS c FROM ${t('brands')}`,
    `SELECT 'store', s.code, b.name, s.area FROM ${t('stores')} s JOIN ${t('brands')} b ON b.brand_id = s.brand_id`,
    `SELECT 'city', city, province, '' FROM ${t('cities')}`,
    `SELECT 'category', name, '', '' FROM ${t('categories')}`,
    `SELECT 'payment', name, '', '' FROM ${t('payment_methods')}`,
    `SELECT 'voucher', program, '', '' FROM ${t('voucher_programs')}`,
  ].join('\nUNION ALL\n');
  return `SELECT ${d.jsonRows(['r.kind', 'r.a', 'r.b', 'r.c'], 'r.kind, r.a')} AS data FROM (${rows}) r`;
}

export function loadReference(db: Db, d: Dialect): Reference {
  const ref: Reference = { brands: [], stores: [], cities: [], categories: [], paymentMethods: [], voucherPrograms: [] };
  const rows = db.json<Array<unknown[] | Record<string, unknown>>>(referenceSql(d)) ?? [];
  for (const raw of rows) {
    const [kind, a0, b, c] = (Array.isArray(raw) ? raw : Object.values(raw)).map((v) => String(v ?? ''));
    const r = { kind, b, c };
    const a = a0;
    switch (r.kind) {
      case 'brand':
        ref.brands.push(a);
        break;
      case 'store':
        ref.stores.push({ code: a, name: a, brand: String(r.b), area: String(r.c) });
        break;
      case 'city':
        ref.cities.push({ city: a, province: String(r.b) });
        break;
      case 'category':
        ref.categories.push(a);
        break;
      case 'payment':
        ref.paymentMethods.push(a);
        break;
      case 'voucher':
        ref.voucherPrograms.push(a);
        break;
    }
  }
  return ref;
}
