// Validation of budget input: months, evidence dates, evidence fields, allocation blocks and recommendation splits.
import { invalid, errorMessage } from '../core/errors';
import { parseMonth, wibDate, formatRupiah } from '../core/format';
import { parseAmount } from './money';

/** "YYYY-MM" or INVALID. */
export function checkMonth(month: unknown): string {
  const m = typeof month === 'string' ? parseMonth(month) : null;
  if (!m)
    throw invalid({
      id: `Bulan tidak valid: "${String(month)}" (format YYYY-MM).`,
      en: `Invalid month: "${String(month)}" (format YYYY-MM).`,
    });
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" that lies inside `month` and not after today (WIB). */
export function checkEvidenceDate(date: unknown, month: string, now: Date): string {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim()) : null;
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw invalid({
      id: `Tanggal tidak valid: "${String(date)}" (format YYYY-MM-DD).`,
      en: `Invalid date: "${String(date)}" (format YYYY-MM-DD).`,
    });
  }
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (iso > wibDate(now)) {
    throw invalid({
      id: `Tanggal ${iso} ada di masa depan (hari ini ${wibDate(now)} WIB).`,
      en: `The date ${iso} is in the future (today is ${wibDate(now)} WIB).`,
    });
  }
  if (iso.slice(0, 7) !== month) {
    throw invalid({ id: `Tanggal ${iso} di luar bulan ${month}.`, en: `The date ${iso} lies outside the month ${month}.` });
  }
  return iso;
}

export interface EvidenceInput {
  clusterId: string;
  month: string;
  pointType: string;
  description: string;
  amount: number | string;
  date: string;
}

export interface CheckedEvidence {
  clusterId: string;
  month: string;
  pointType: string;
  description: string;
  amount: number;
  date: string;
}

/** Checks an evidence submission against the known point types; throws on the first problem. */
export function checkEvidence(input: EvidenceInput, pointTypes: readonly string[], now: Date): CheckedEvidence {
  const month = checkMonth(input.month);
  const description = String(input.description ?? '').trim();
  if (!description) throw invalid({ id: 'Deskripsi wajib diisi.', en: 'A description is required.' });
  if (description.length > 500)
    throw invalid({ id: 'Deskripsi maksimal 500 karakter.', en: 'The description may have at most 500 characters.' });
  const pointType = checkPointType(input.pointType, pointTypes);
  const amount = parseAmount(input.amount, 'Jumlah');
  const date = checkEvidenceDate(input.date, month, now);
  return { clusterId: String(input.clusterId ?? ''), month, pointType, description, amount, date };
}

export function checkPointType(code: unknown, pointTypes: readonly string[]): string {
  const c = String(code ?? '').trim();
  if (!pointTypes.includes(c)) {
    throw invalid({
      id: `Jenis poin tidak dikenal: "${c}". Pilihan: ${pointTypes.join(', ')}.`,
      en: `Unknown point type: "${c}". Choices: ${pointTypes.join(', ')}.`,
    });
  }
  return c;
}

export interface BlockRow {
  line: number;
  clusterId: string;
  month: string;
  amount: number;
}

/**
 * Parses a pasted block "cluster, month, amount" (comma, semicolon or tab separated; one row per line).
 * `resolveCluster` maps a cluster id or name to the id in the caller's scope, or null.
 * Every line is checked; any problem rejects the whole block with all problems listed (up to 20).
 */
export function parseAllocationBlock(
  rows: ReadonlyArray<readonly unknown[]>,
  resolveCluster: (key: string) => string | null,
): BlockRow[] {
  const out: BlockRow[] = [];
  const errors: string[] = [];
  const errorsEn: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const line = i + 1;
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    if (cells.length < 3) {
      errors.push(`baris ${line}: perlu 3 kolom (cluster, bulan, jumlah)`);
      errorsEn.push(`line ${line}: needs 3 columns (cluster, month, amount)`);
      return;
    }
    const key = String(cells[0] ?? '').trim();
    const id = resolveCluster(key);
    if (!id) {
      errors.push(`baris ${line}: cluster tidak dikenal atau di luar wilayah Anda: "${key}"`);
      errorsEn.push(`line ${line}: unknown cluster or outside your scope: "${key}"`);
    }
    let month = '';
    try {
      month = checkMonth(
        cells[1] instanceof Date
          ? `${cells[1].getFullYear()}-${String(cells[1].getMonth() + 1).padStart(2, '0')}`
          : String(cells[1] ?? ''),
      );
    } catch (e) {
      errors.push(`baris ${line}: ${errorMessage(e)}`);
      errorsEn.push(`line ${line}: invalid month "${String(cells[1])}"`);
    }
    let amount = 0;
    try {
      amount = parseAmount(cells[2], 'Jumlah');
    } catch (e) {
      errors.push(`baris ${line}: ${errorMessage(e)}`);
      errorsEn.push(`line ${line}: ${(e as { messageEn?: string }).messageEn ?? 'invalid amount'}`);
    }
    if (id && month) {
      const k = `${id}|${month}`;
      if (seen.has(k)) {
        errors.push(`baris ${line}: ${key} ${month} sudah ada di baris ${seen.get(k)}`);
        errorsEn.push(`line ${line}: ${key} ${month} already on line ${seen.get(k)}`);
      } else seen.set(k, line);
    }
    if (id && month && amount) out.push({ line, clusterId: id, month, amount });
  });
  if (errors.length) {
    const more = errors.length > 20 ? ` (+${errors.length - 20} lagi)` : '';
    throw invalid(
      {
        id: `Blok ditolak, tidak ada yang disimpan. ${errors.slice(0, 20).join('; ')}${more}`,
        en: `Block rejected, nothing saved. ${errorsEn.slice(0, 20).join('; ')}`,
      },
      { errors: errors.length },
    );
  }
  if (!out.length) throw invalid({ id: 'Blok kosong.', en: 'The block is empty.' });
  return out;
}

/** Splits pasted text into rows of cells (tab, semicolon or comma separated). */
export function splitBlockText(text: string): string[][] {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (l.includes('\t') ? l.split('\t') : l.includes(';') ? l.split(';') : splitCommaRow(l)).map((c) => c.trim()));
}

/** "CL-001, 2026-11, 28.488.600" — commas inside the amount do not occur (no decimals), so split into 3 at most. */
function splitCommaRow(l: string): string[] {
  const parts = l.split(',');
  if (parts.length <= 3) return parts;
  return [parts[0], parts[1], parts.slice(2).join(',')];
}

/** A recommendation split: known point types, whole non-negative amounts, total within the allocation. */
export function checkSplit(
  split: Record<string, unknown>,
  pointTypes: readonly string[],
  allocation: number | null,
): Record<string, number> {
  if (allocation === null) {
    throw invalid({
      id: 'Cluster ini belum punya alokasi untuk bulan tersebut.',
      en: 'This cluster has no allocation for that month yet.',
    });
  }
  const out: Record<string, number> = {};
  let total = 0;
  for (const [code, v] of Object.entries(split ?? {})) {
    const c = checkPointType(code, pointTypes);
    out[c] = parseAmount(v, `Rekomendasi ${c}`, true);
    total += out[c];
  }
  if (total > allocation) {
    throw invalid(
      {
        id: `Total rekomendasi ${formatRupiah(total)} melebihi alokasi ${formatRupiah(allocation)}.`,
        en: `The recommendations total ${formatRupiah(total)}, more than the allocation ${formatRupiah(allocation)}.`,
      },
      { total, allocation },
    );
  }
  return out;
}
