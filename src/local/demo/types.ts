// What each capability's demo seeder returns, so the workbench can offer its users in the identity switcher.
import type { Runtime } from '../runtime/runtime';

export interface DemoUser {
  email: string;
  name: string;
  /** What the switcher shows, e.g. "Area · Jabotabek" or "Campaign analyst". */
  role: string;
  capability: 'core' | 'budget' | 'segments' | 'tagging' | 'reports' | 'mentoring';
}

export interface SeedOptions {
  /** The demo spreadsheet every capability adds its sheets to (the workbench's active document). */
  documentId: string;
  /** Deterministic seed for the generators. */
  seed?: number;
  /** 'demo' for the workbench; numbers scale the generated data for benchmarks. */
  scale?: 'demo' | number;
  /** Tells what the seeder is doing now ("kuitansi 120 cluster"), for the progress shown on first start. */
  step?: (detail: string) => void;
}

export interface SeedResult {
  users: DemoUser[];
  notes?: string[];
}

export type Seeder = (rt: Runtime, opts: SeedOptions) => Promise<SeedResult>;

/** Demo add-on users (script property DATADESK_ROLES is seeded with these by the workbench). */
export const DEMO_APP_USERS: DemoUser[] = [
  { email: 'admin@datadesk.local', name: 'Admin DataDesk', role: 'Admin', capability: 'core' },
  { email: 'analis@datadesk.local', name: 'Rina (analis kampanye)', role: 'Campaign analyst', capability: 'segments' },
  { email: 'merch@datadesk.local', name: 'Budi (merchandiser)', role: 'Merchandiser', capability: 'tagging' },
  { email: 'auditor@datadesk.local', name: 'Sari (auditor)', role: 'Auditor', capability: 'reports' },
];

/** The JDBC settings the demo writes to script properties; the emulator maps them to the embedded PostgreSQL. */
export const DEMO_DB = { url: 'jdbc:postgresql://127.0.0.1:5432/datadesk', user: 'datadesk', password: 'datadesk' };
