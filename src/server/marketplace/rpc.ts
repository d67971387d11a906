// RPC functions the Marketplace sidebar calls: settings (admins), scan and the files by state (merchandisers).
import { rpc } from '../core/rpc';
import { callerWithRole } from '../settings/adapters';
import type { Msg } from '../core/text';
import type { MarketSettings } from './settings';
import { loadSettings } from './adapters';
import { fileStates, LoggedFile, runScan, saveSettings, WaitingFile } from './operations';
import { NAME_RULE } from './naming';
import { MAX_BYTES, MAX_ROWS } from './scan';

export type { LoggedFile, WaitingFile };

export interface MarketSettingsView {
  settings: MarketSettings;
  rule: string;
  maxRows: number;
  maxMb: number;
}

export interface ScanSummary {
  loaded: number;
  rejected: number;
  rows: number;
  waiting: number;
  stopped: Msg | null;
  files: Array<{ file: string; state: 'loaded' | 'rejected'; rows: number; reason: Msg | null }>;
}

const view = (settings: MarketSettings): MarketSettingsView => ({
  settings,
  rule: NAME_RULE,
  maxRows: MAX_ROWS,
  maxMb: MAX_BYTES / 1_048_576,
});

/** The ingest settings (admins). */
export function market_getSettings(): MarketSettingsView {
  return rpc('market_getSettings', () => {
    callerWithRole('admin');
    return view(loadSettings());
  });
}

/** Checks and saves the settings; creates the folders, the mapping sheet and the tables (admins). */
export function market_saveSettings(settings: MarketSettings): MarketSettingsView {
  return rpc('market_saveSettings', () => {
    const me = callerWithRole('admin');
    return view(saveSettings(settings, me));
  });
}

/** Scans the report-type folders now: loads the good files, rejects the others (merchandisers). */
export function market_scan(): ScanSummary {
  return rpc('market_scan', () => {
    const me = callerWithRole('merchandiser');
    const r = runScan(me);
    return {
      loaded: r.outcomes.filter((o) => o.state === 'loaded').length,
      rejected: r.outcomes.filter((o) => o.state === 'rejected').length,
      rows: r.outcomes.reduce((a, o) => a + o.rows, 0),
      waiting: Math.max(0, r.waiting),
      stopped: r.stopped,
      files: r.outcomes,
    };
  });
}

/** Files waiting in the folders, and loaded or rejected ones from the ingest log, newest first (merchandisers). */
export function market_files(): { waiting: WaitingFile[]; log: LoggedFile[]; rule: string } {
  return rpc('market_files', () => {
    callerWithRole('merchandiser');
    return { ...fileStates(), rule: NAME_RULE };
  });
}
