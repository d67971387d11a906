// Finds words of the other language in a text meant to be in one: the check behind the language test (catalogue,
// outputs, screens). Word lists hold words that occur in only one of the two languages (function words and the UI
// words DataDesk uses); loanwords Indonesian business users write as is (sheet, file, email, status, log…) are in
// neither, and product or domain names (SKU, WABA, Cluster, Region…) are not words of either list.
import type { Lang } from '../../src/server/core/text';

/** Words that never belong in an Indonesian text. */
export const ENGLISH_ONLY = new Set(
  (
    'the and of is are was were be been not with without from into onto for please your you our we they this that these those ' +
    'which what who when where why how there here than then also only just more most less very each every any some none ' +
    'node nodes failed failure pending evidence saved save deleted delete error errors done running run runs cancelled cancel approved approve ' +
    'rejected reject waiting settings setting budget report reports upload uploaded download preview previewed loading saving ' +
    'checking counting pulling copied copy rerun schedule scheduled weekly monthly daily month months day days year years hour ' +
    'name names amount amounts date dates allocation allocations recommendation recommendations approval ' +
    'remaining used spend spent found dropped delivered rows row column columns line lines page pages ' +
    'missing invalid unknown required allowed choose select open opened close closed new old next last first ' +
    'should must may can could would will shall has have had does did do'
  ).split(/\s+/),
);

/** Words that never belong in an English text. */
export const INDONESIAN_ONLY = new Set(
  (
    'yang dan atau tidak belum sudah untuk dari dengan pada oleh ke di ini itu ada akan bukan harus boleh wajib dapat bisa ' +
    'gagal tersimpan simpan hapus dihapus menunggu disetujui ditolak setujui tolak laporan anggaran bukti pengaturan jalankan ' +
    'pilih kosong kata sedang lagi saja anda baris kolom bulan tanggal jumlah hari minggu tahun halaman sisa alokasi ' +
    'rekomendasi realisasi terpakai ditemukan dikirim dibuang nama kampanye kanal periode kriteria kota provinsi ' +
    'toko usia anak skor metode pembayaran prioritas selesai berjalan dibatalkan berhenti lanjutkan batalkan mulai ' +
    'memuat menyimpan memeriksa menghitung menarik menyalin menghapus membaca membuat terbit uji coba periksa masalah ' +
    'diterapkan skema versi pengguna peran induk jenis poin berkas alasan diputuskan melebihi kemungkinan duplikat ' +
    'terkirim perhatian sama muat ulang banyak sekaligus semua diperiksa dulu bila salah ambil terpilih usulkan histori ' +
    'buka dasbor tulis tren harian di bawah dibuat katalog gambar kunci tanpa diblokir diubah orang dilewati biaya ' +
    'permintaan catatan kecepatan perkiraan pemicu ditutup terbaca mungkin maksud dipakai baru salinan jadwal mingguan bulanan'
  ).split(/\s+/),
);

/** Whatever is not prose: placeholders, menu references, `code`, codes such as <BU> or YYYY-MM, URLs, e-mail addresses. */
function prose(text: string): string {
  return text
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b[A-Z0-9_]+(-[A-Z0-9_]+)*\b/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ');
}

/** The words of `text` that belong to the other language (lower case, each once). */
export function foreignWords(text: string, lang: Lang): string[] {
  const other = lang === 'id' ? ENGLISH_ONLY : INDONESIAN_ONLY;
  const words =
    prose(text)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  return [...new Set(words.filter((w) => other.has(w)))];
}
