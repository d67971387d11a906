// RPC functions the tagging sidebar calls (merchandisers; settings for admins). Every one checks its caller.
import { rpc } from '../core/rpc';
import { callerRoles, callerWithRole } from '../settings/adapters';
import { invalid } from '../core/errors';
import { msg } from '../core/text';
import type { Progress } from './job';
import {
  cancelJob,
  CHUNK_BUDGET_MS,
  currentProgress,
  driveJob,
  resumeJob,
  settings,
  startJob,
  takeOverJob,
  undoLastRun,
  type UndoResult,
} from './operations';
import { jobOwnerStatus } from '../platform/triggers';
import type { OwnerStatus } from '../core/owners';
import { geminiKey, lastRunUndo, type UndoInfo } from './adapters';
import { activeSheetName } from '../platform/sheets';
import { setScriptJson, setScriptSecret } from '../platform/properties';
import { GEMINI_KEY_PROP, parseSettings, TaggingSettings, TAGGING_SETTINGS_PROP } from './settings';
import { checkModelId } from './validate';

export interface TaggingStatus {
  job: Progress | null;
  activeSheet: string;
  model: string;
  hasKey: boolean;
  /** For a job that is still to finish: whether its owner's hourly trigger carries it when no sidebar drives it. */
  ownerStatus: OwnerStatus | null;
  /** The caller may take the job over (admins). */
  admin: boolean;
  /** The last run "Batalkan proses terakhir" would undo, or null. */
  undo: UndoInfo | null;
}

/** The sidebar's opening view: the current job (if any), the active sheet, whether the model and key are set. */
export function tagging_status(): TaggingStatus {
  return rpc('tagging_status', () => {
    callerWithRole('merchandiser');
    const job = currentProgress();
    const open = job && (job.status === 'running' || job.status === 'budget');
    return {
      job,
      activeSheet: activeSheetName(),
      model: settings().model,
      hasKey: geminiKey() !== '',
      ownerStatus: open ? jobOwnerStatus(job.owner) : null,
      admin: callerRoles().roles.includes('admin'),
      undo: lastRunUndo(),
    };
  });
}

/** Admins: takes over a job whose owner's trigger no longer carries it. */
export function tagging_takeOver(jobId: string): Progress {
  return rpc('tagging_takeOver', () => takeOverJob(String(jobId), callerWithRole('admin')));
}

/** Starts tagging every SKU without keywords on `sheetName`. */
export function tagging_start(sheetName: string): Progress {
  return rpc('tagging_start', () => {
    const email = callerWithRole('merchandiser');
    return startJob(email, sheetName, Date.now());
  });
}

/** Runs one chunk of the job; `busy` when another execution holds the job right now. */
export function tagging_runChunk(jobId: string): { progress: Progress | null; busy: boolean } {
  return rpc('tagging_runChunk', () => {
    callerWithRole('merchandiser');
    return driveJob(String(jobId), CHUNK_BUDGET_MS);
  });
}

export function tagging_cancel(jobId: string): Progress {
  return rpc('tagging_cancel', () => {
    callerWithRole('merchandiser');
    return cancelJob(String(jobId));
  });
}

export function tagging_resume(jobId: string): Progress {
  return rpc('tagging_resume', () => {
    callerWithRole('merchandiser');
    return resumeJob(String(jobId));
  });
}

/** Puts back the cells the last run wrote (only those still holding what it wrote); refused while a run goes on. */
export function tagging_undo(jobId: string): UndoResult {
  return rpc('tagging_undo', () => {
    callerWithRole('merchandiser');
    return undoLastRun(String(jobId));
  });
}

/** Admins: the tagging settings (model id, catalogue source, limits). The API key is never returned. */
export function tagging_getSettings(): TaggingSettings {
  return rpc('tagging_getSettings', () => {
    callerWithRole('admin');
    return settings();
  });
}

export function tagging_saveSettings(s: TaggingSettings, apiKey: string): TaggingSettings {
  return rpc('tagging_saveSettings', () => {
    callerWithRole('admin');
    const clean = parseSettings(s);
    checkModelId(clean.model);
    if (apiKey && !/^[\w.-]{8,200}$/.test(apiKey.trim())) throw invalid(msg('tagging.error.keyFormat'));
    setScriptJson(TAGGING_SETTINGS_PROP, clean);
    if (apiKey) setScriptSecret(GEMINI_KEY_PROP, apiKey.trim());
    return clean;
  });
}
