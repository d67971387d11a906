// The segment request: a typed, JSON-safe document a campaign analyst builds, saves by name, reruns and schedules.
import type { TextKey } from '../core/text';

export type Channel = 'EMAIL_BLAST' | 'WSME' | 'WABA';
export const CHANNELS: readonly Channel[] = ['EMAIL_BLAST', 'WSME', 'WABA'];

export type Tier = 'Silver' | 'Gold' | 'Platinum';
export const TIERS: readonly Tier[] = ['Silver', 'Gold', 'Platinum'];

/** 'BLANK' selects members whose gender is not recorded. */
export type GenderChoice = 'M' | 'F' | 'BLANK';
export const GENDER_CHOICES: readonly GenderChoice[] = ['M', 'F', 'BLANK'];

/** Order used when more members qualify than the cap allows. Ties: latest transaction first, then RRR ID. */
export type Priority = 'NON_OPENERS_FIRST' | 'OPENERS_FIRST' | 'HIGHEST_SPEND' | 'MOST_RECENT';
export const PRIORITIES: readonly Priority[] = ['NON_OPENERS_FIRST', 'OPENERS_FIRST', 'HIGHEST_SPEND', 'MOST_RECENT'];

/** The transaction period: since the loyalty programme began, the last N months, last calendar year, or a range. */
export type PeriodKind = 'SINCE_START' | 'LAST_MONTHS' | 'LAST_YEAR' | 'RANGE';
export const PERIOD_KINDS: readonly PeriodKind[] = ['SINCE_START', 'LAST_MONTHS', 'LAST_YEAR', 'RANGE'];

export interface Period {
  kind: PeriodKind;
  /** LAST_MONTHS only (1..120). */
  months: number | null;
  /** RANGE only: 'YYYY-MM-DD' (WIB dates, both inclusive). */
  from: string | null;
  to: string | null;
  offline: boolean;
  online: boolean;
}

export interface Criteria {
  /** Transacted (in the period, at the brands) at one of these store codes. */
  stores: string[];
  /** Preferred site (store code) of the member. */
  preferredSites: string[];
  cities: string[];
  provinces: string[];
  tiers: Tier[];
  /** Coin balance strictly above this many coins (1 coin = Rp 1). */
  minCoinsAbove: number | null;
  genders: GenderChoice[];
  activated: boolean | null;
  fullRegistration: boolean | null;
  /** Valid WhatsApp number required (invalid or missing numbers are dropped and counted). */
  whatsappReachable: boolean;
  /** Has a child aged min..max whole years (inclusive) on the run day. */
  childAge: { min: number; max: number } | null;
  /** Affinity score (0..1) at least minScore for one of the categories. */
  affinity: { categories: string[]; minScore: number } | null;
  /** Paid (in the period, at the brands) with one of the methods, at a store in one of the areas (empty = any area). */
  payment: { methods: string[]; areas: string[] } | null;
  /** Received a voucher (program code, '' = any) issued from..to and not redeemed by `to`. */
  voucherNotRedeemed: { program: string; from: string; to: string } | null;
}

export interface Delivery {
  /** Drive folder id (or its URL) for the file and its metadata. */
  folderId: string;
  format: 'CSV' | 'XLSX';
  /** Mail the summary to whoever runs it. */
  mailSummary: boolean;
}

export interface SegmentRequest {
  version: 1;
  /** Segment name, e.g. "WABA Opening NEKA Serang & Bogor". */
  name: string;
  /** Campaign this segment belongs to; segments of one campaign never share a member. */
  campaign: string;
  brands: string[];
  channel: Channel;
  period: Period;
  /** First day the campaign contacts members ('YYYY-MM-DD'; null = the day of the run) and how many days it lasts. */
  contactFrom: string | null;
  contactDays: number;
  criteria: Criteria;
  splitByGender: boolean;
  /** Maximum members delivered (null = no cap). */
  cap: number | null;
  priority: Priority;
  /** "Recent" for email opens: this many months before the run day. */
  openWindowMonths: number;
  delivery: Delivery;
}

/** Columns each channel delivers, in order, with their header's text key. */
export const CHANNEL_COLUMNS: Record<
  Channel,
  Array<{ key: 'rrr_id' | 'odi_id' | 'stamps_user_id' | 'name' | 'email' | 'phone'; header: TextKey & `segments.col.${string}` }>
> = {
  EMAIL_BLAST: [
    { key: 'rrr_id', header: 'segments.col.rrr_id' },
    { key: 'odi_id', header: 'segments.col.odi_id' },
    { key: 'stamps_user_id', header: 'segments.col.stamps_user_id' },
    { key: 'email', header: 'segments.col.email' },
    { key: 'phone', header: 'segments.col.phone' },
  ],
  WSME: [
    { key: 'rrr_id', header: 'segments.col.rrr_id' },
    { key: 'odi_id', header: 'segments.col.odi_id' },
    { key: 'stamps_user_id', header: 'segments.col.stamps_user_id' },
    { key: 'name', header: 'segments.col.name' },
    { key: 'email', header: 'segments.col.email' },
    { key: 'phone', header: 'segments.col.phone' },
  ],
  WABA: [
    { key: 'rrr_id', header: 'segments.col.rrr_id' },
    { key: 'name', header: 'segments.col.name' },
    { key: 'phone', header: 'segments.col.whatsapp' },
  ],
};

/** What a channel cannot do without: a member lacking one of these is dropped and counted. */
export const CHANNEL_REQUIRES: Record<
  Channel,
  { ids: Array<'rrr_id' | 'odi_id' | 'stamps_user_id'>; name: boolean; email: boolean; phone: boolean }
> = {
  EMAIL_BLAST: { ids: ['rrr_id', 'odi_id', 'stamps_user_id'], name: false, email: true, phone: false },
  WSME: { ids: ['rrr_id', 'odi_id', 'stamps_user_id'], name: true, email: false, phone: true },
  WABA: { ids: ['rrr_id'], name: true, email: false, phone: true },
};

/** Drop reasons in the order they are tested; a member is counted under the first that applies. */
export const DROP_REASONS = [
  'opted_out',
  'same_campaign',
  'other_campaign',
  'missing_id',
  'missing_name',
  'missing_email',
  'invalid_email',
  'missing_phone',
  'invalid_phone',
  'over_cap',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** The counts of one pull: found, then each drop reason, then delivered. */
export interface SegmentCounts {
  found: number;
  dropped: Record<DropReason, number>;
  delivered: number;
  /** Delivered per gender group when split by gender (M, F), else empty. */
  groups: Record<string, number>;
}

/** A request with every criterion off: the sidebar's starting point. */
export function emptyRequest(): SegmentRequest {
  return {
    version: 1,
    name: '',
    campaign: '',
    brands: [],
    channel: 'WABA',
    period: { kind: 'LAST_MONTHS', months: 12, from: null, to: null, offline: true, online: true },
    contactFrom: null,
    contactDays: 7,
    criteria: {
      stores: [],
      preferredSites: [],
      cities: [],
      provinces: [],
      tiers: [],
      minCoinsAbove: null,
      genders: [],
      activated: null,
      fullRegistration: null,
      whatsappReachable: false,
      childAge: null,
      affinity: null,
      payment: null,
      voucherNotRedeemed: null,
    },
    splitByGender: false,
    cap: null,
    priority: 'NON_OPENERS_FIRST',
    openWindowMonths: 3,
    delivery: { folderId: '', format: 'CSV', mailSummary: false },
  };
}
