// Contact rules in TypeScript, mirroring the SQL the compiler emits: Indonesian phone normalisation and email validity.

/** Characters people type inside phone numbers that carry no digit. */
export const PHONE_NOISE = /[\s\-.()/]/g;

/** Valid Indonesian mobile number in WhatsApp-ready form: 628, then 7 to 11 more digits (10–14 digits in all). */
export const WA_READY = /^628[1-9][0-9]{6,10}$/;

/** A practical email check: one @, a dotted domain with a 2+ letter TLD, no spaces or double dots. */
export const EMAIL_OK = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** 08… / +62… / 62… / 8… → 62…; null when the result is not a valid Indonesian mobile number. */
export function normalisePhone(raw: string | null): string | null {
  if (raw === null) return null;
  let s = raw.replace(PHONE_NOISE, '');
  if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('0')) s = '62' + s.slice(1);
  else if (s.startsWith('8')) s = '62' + s;
  return WA_READY.test(s) ? s : null;
}

export function emailValid(raw: string | null): boolean {
  if (raw === null) return false;
  const s = raw.trim();
  return EMAIL_OK.test(s) && !s.includes('..');
}
