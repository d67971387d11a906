// The monthly PDF as a job: Apps Script entry points must be synchronous, so budget_makePdf starts the async pdf-lib
// build, whose microtasks all run before the execution ends (no timers), and records the outcome under a request id in
// the caller's user properties; budget_pdfStatus reads it (an unknown or expired id is NOT_FOUND).
import type { Db } from '../core/db';
import { AppError, notFound, errorMessage, errorStack } from '../core/errors';
import { Caller } from './model';
import { loadPdfData } from './report';
import { buildMonthlyPdf } from './pdf';
import { driveReceiptStore } from './adapters';
import { readFileBytes } from '../platform/drive';
import { inspectReceipt } from './content';
import { setUserJson, userJson, userKeys, deleteUserProp } from '../platform/properties';
import { fileName } from '../core/names';

export interface PdfJob {
  requestId: string;
  status: 'running' | 'done' | 'failed';
  fileId: string | null;
  url: string | null;
  name: string | null;
  pages: number | null;
  bytes: number | null;
  error: string | null;
  startedAt: number;
}

const PREFIX = 'BUDGET_PDF_';

function newId(now: Date): string {
  return `${now.getTime().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/** A stored receipt typed by what its bytes are now; one that fails the content check is left out of the PDF. */
function readReceipt(id: string): { name: string; mime: string; bytes: Uint8Array } {
  const f = readFileBytes(id);
  const v = inspectReceipt(f.bytes);
  return { ...f, mime: v && 'mime' in v ? v.mime : 'application/octet-stream' };
}

export function startPdf(db: Db, caller: Caller, clusterId: string, month: string, now: Date): PdfJob {
  const data = loadPdfData(db, caller, clusterId, month, readReceipt, now);
  const store = driveReceiptStore(db);
  const folderId = store.folderFor(data.clusterId, data.clusterName);
  const requestId = newId(now);
  const key = PREFIX + requestId;
  const job: PdfJob = {
    requestId,
    status: 'running',
    fileId: null,
    url: null,
    name: null,
    pages: null,
    bytes: null,
    error: null,
    startedAt: now.getTime(),
  };
  // Old jobs of this user are dropped so user properties stay small.
  for (const k of userKeys(PREFIX))
    if ((userJson<PdfJob | null>(k, null)?.startedAt ?? 0) < now.getTime() - 86_400_000) deleteUserProp(k);
  setUserJson(key, job);
  buildMonthlyPdf(data)
    .then(({ bytes, pages }) => {
      const name = fileName(`Laporan ${data.clusterId} ${data.month}.pdf`);
      const saved = store.save(folderId, name, 'application/pdf', bytes);
      setUserJson(key, { ...job, status: 'done', fileId: saved.id, url: saved.url(), name, pages, bytes: bytes.length });
    })
    .catch((e: unknown) => {
      console.error(`budget pdf ${requestId}: ${errorStack(e)}`);
      setUserJson(key, { ...job, status: 'failed', error: errorMessage(e) });
    });
  return job;
}

export function pdfStatus(requestId: string): PdfJob {
  if (!/^[a-z0-9]{1,40}$/.test(String(requestId ?? '')))
    throw notFound({ id: 'Permintaan PDF tidak dikenal.', en: 'Unknown PDF request.' });
  const job = userJson<PdfJob | null>(PREFIX + requestId, null);
  if (!job) throw notFound({ id: 'Permintaan PDF tidak dikenal.', en: 'Unknown PDF request.' });
  if (job.status === 'failed') {
    throw new AppError('PDF_FAILED', { id: `PDF gagal dibuat: ${job.error}`, en: `The PDF could not be made: ${job.error}` });
  }
  return job;
}
