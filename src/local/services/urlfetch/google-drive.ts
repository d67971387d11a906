// Drive's REST upload (files.create, uploadType=multipart) answered inside the runtime for UrlFetchApp: as the user
// whose OAuth token it carries, into the emulated Drive, with Drive v3's error bodies, taking what DriveApp's
// createFile costs (so parallel uploads in one fetchAll are judged on Google's time, never on the host's).
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { GasError } from '../../runtime/types';
import { costOf } from '../../runtime/costs';
import { loadModel } from '../../runtime/calibration';
import { Blob } from '../blob';
import { Drive } from '../drive/index';
import { driveStore, NOT_FOUND } from '../drive/store';
import { oauthTokenFor } from '../script/index';
import type { PreparedRequest } from './request';
import type { RawResponse } from './http';

const UPLOAD = /^https:\/\/www\.googleapis\.com\/upload\/drive\/v3\/files(\?|$)/;
/** The scopes files.create accepts (developers.google.com/workspace/drive/api/reference/rest/v3/files/create). */
const DRIVE_WRITE_SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/drive.appdata',
];
/** Drive's guide keeps multipart uploads to files of 5 MB or less (guides/manage-uploads); bigger ones are refused
 * here, the strict side (Drive may accept more). */
export const MULTIPART_MAX_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

/** A request this module answers instead of the network. */
export function isDriveUpload(url: string): boolean {
  return UPLOAD.test(url);
}

function answer(url: string, code: number, body: unknown): RawResponse {
  return {
    url,
    code,
    headers: [['Content-Type', 'application/json; charset=UTF-8']],
    body: new TextEncoder().encode(JSON.stringify(body, null, 2)),
  };
}

/** Drive v3's error body: {"error": {"code", "message", "errors": [{message, domain, reason, …}]}}. */
function failure(url: string, code: number, reason: string, message: string, extra: Record<string, string> = {}): RawResponse {
  return answer(url, code, { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }] } });
}

function header(req: PreparedRequest, name: string): string | undefined {
  return Object.entries(req.headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

/** The parts of a multipart/related body: each part's headers (lower-case names) and bytes. */
export function multipartParts(
  body: Uint8Array,
  contentType: string,
): Array<{ headers: Record<string, string>; bytes: Uint8Array }> | null {
  const m = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!/^multipart\/related/i.test(contentType) || !m) return null;
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  const sep = `--${m[1]}`;
  const pieces = text.split(sep);
  if (pieces.length < 3 || !pieces[pieces.length - 1].startsWith('--')) return null;
  const out: Array<{ headers: Record<string, string>; bytes: Uint8Array }> = [];
  for (const piece of pieces.slice(1, -1)) {
    const p = piece.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    const at = p.search(/\r?\n\r?\n/);
    if (at < 0) return null;
    const headers: Record<string, string> = {};
    for (const line of p.slice(0, at).split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const content = p.slice(at).replace(/^\r?\n\r?\n/, '');
    out.push({ headers, bytes: new Uint8Array(Buffer.from(content, 'latin1')) });
  }
  return out;
}

interface UploadMeta {
  name?: unknown;
  parents?: unknown;
  mimeType?: unknown;
  description?: unknown;
}

/** Checks the credentials and the scopes; the user the token was issued to, or the refusal. */
function authenticate(ctx: ExecContext, env: RuntimeEnv, req: PreparedRequest): RawResponse | null {
  const auth = header(req, 'authorization');
  if (!auth) {
    return failure(
      req.url,
      401,
      'required',
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      { location: 'Authorization', locationType: 'header' },
    );
  }
  if (auth !== `Bearer ${oauthTokenFor(ctx.user)}`) {
    return failure(req.url, 401, 'authError', 'Invalid Credentials', { location: 'Authorization', locationType: 'header' });
  }
  const granted = env.manifest().oauthScopes;
  if (granted && !DRIVE_WRITE_SCOPES.some((s) => granted.includes(s))) {
    return failure(req.url, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
  }
  return null;
}

/** Answers files.create with uploadType=multipart as Drive v3 does, after DriveApp's createFile time has passed. */
export async function serveDriveUpload(ctx: ExecContext, env: RuntimeEnv, req: PreparedRequest): Promise<RawResponse> {
  const started = Date.now();
  const res = createFromUpload(ctx, env, req);
  const c = costOf(loadModel(env.config.stateDir), 'Folder.createFile');
  const wait = c.ms + ((req.body?.length ?? 0) / MB) * (c.perMB ?? 0) - (Date.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return res;
}

function createFromUpload(ctx: ExecContext, env: RuntimeEnv, req: PreparedRequest): RawResponse {
  const url = new URL(req.url);
  if (req.method !== 'POST') return failure(req.url, 404, 'notFound', 'Not Found');
  const refused = authenticate(ctx, env, req);
  if (refused) return refused;
  const type = url.searchParams.get('uploadType');
  if (type !== 'multipart') {
    // Only the multipart form is answered here (media and resumable uploads are not emulated).
    return failure(req.url, 400, 'invalid', `Invalid value for UploadType: ${type ?? '(none)'}. Only multipart is emulated.`);
  }
  const body = req.body ?? new Uint8Array();
  if (body.length > MULTIPART_MAX_BYTES) {
    return failure(req.url, 413, 'uploadTooLarge', 'The multipart upload is over 5 MB; use a resumable upload.');
  }
  const parts = multipartParts(body, header(req, 'content-type') ?? '');
  if (parts?.length !== 2 || !/^application\/json/i.test(parts[0].headers['content-type'] ?? '')) {
    return failure(req.url, 400, 'badContent', 'Malformed multipart body.');
  }
  let meta: UploadMeta;
  try {
    meta = JSON.parse(new TextDecoder().decode(parts[0].bytes)) as UploadMeta;
  } catch {
    return failure(req.url, 400, 'parseError', 'Parse Error');
  }
  const store = driveStore(env);
  const parents = Array.isArray(meta.parents) ? meta.parents.map(String) : [store.rootOf(ctx.user)];
  if (parents.length !== 1) {
    return failure(req.url, 403, 'cannotAddParent', 'Increasing the number of parents is not allowed.');
  }
  const parentId = parents[0];
  const parent = store.get(parentId);
  const allDrives = url.searchParams.get('supportsAllDrives') === 'true';
  const seen = parent?.kind === 'folder' && store.canRead(ctx.user, parentId);
  if (!seen || (parent.driveId && !allDrives)) {
    return failure(req.url, 404, 'notFound', `File not found: ${parentId}.`, { location: 'fileId', locationType: 'parameter' });
  }
  const media = parts[1];
  const mime = String(meta.mimeType ?? media.headers['content-type'] ?? 'application/octet-stream');
  const name = typeof meta.name === 'string' && meta.name ? meta.name : 'Untitled';
  try {
    const file = new Drive(ctx, store, env).newFile(parentId, new Blob(media.bytes, mime, name));
    if (typeof meta.description === 'string') file.setDescription(meta.description);
    const id = file.getId();
    return answer(
      req.url,
      200,
      fieldsOf(url.searchParams.get('fields'), {
        kind: 'drive#file',
        id,
        name,
        mimeType: mime,
        parents: [parentId],
        // Drive's `trashed`: in the trash itself or through a trashed folder (a file made in one is).
        trashed: store.isTrashed(id),
      }),
    );
  } catch (e) {
    const message = e instanceof GasError ? e.message : String(e);
    if (message === NOT_FOUND) return failure(req.url, 404, 'notFound', `File not found: ${parentId}.`);
    return failure(req.url, 403, 'insufficientFilePermissions', 'The user does not have sufficient permissions for this file.');
  }
}

/** The file resource cut to `fields` (a comma list of top-level names); Drive v3's default is kind, id, name, mimeType. */
function fieldsOf(fields: string | null, file: Record<string, unknown>): Record<string, unknown> {
  const link = `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
  const all: Record<string, unknown> = { ...file, webViewLink: link };
  const wanted = fields ? fields.split(',').map((f) => f.trim()) : ['kind', 'id', 'name', 'mimeType'];
  return Object.fromEntries(wanted.filter((f) => f in all).map((f) => [f, all[f]]));
}
