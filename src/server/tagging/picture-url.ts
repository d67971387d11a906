// Which pictures Gemini fetches itself (a fileData URL part) instead of DataDesk downloading and sending them inline.
// Google's rules (ai.google.dev/gemini-api/docs/file-input-methods, "external URLs"): public https or pre-signed URLs,
// Gemini 2.5 and later models only (not 2.0), up to 100 MB a request; http is refused. One URL Google refuses or cannot
// fetch fails the whole request: 400 INVALID_ARGUMENT "Invalid or unsupported file uri: <uri>" (Vertex: "Unsupported
// file uri: <uri>").

/** A picture Gemini is asked to fetch. */
export interface LinkedPicture {
  fileUri: string;
  mimeType: string;
}

/** Image types Gemini reads (ai.google.dev/gemini-api/docs/image-understanding), by file extension. */
const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** Drive and Docs links need the owner's sign-in (a shared link answers with an HTML page, not the picture): Gemini
 * cannot fetch them, so they stay on the download path, which reads them as today. */
const SIGNED_IN_HOSTS = /^(?:drive|docs)\.google\.com$/i;

/** Whether a model id takes URL parts: gemini-<major>.<minor>… at 2.5 or later. 2.0, 1.5 and any name not of that
 * form (an alias, a tuned model) do not: the strict side, they get pictures inline. */
export function modelTakesUrls(model: string): boolean {
  const m = /^(?:models\/)?gemini-(\d+)(?:\.(\d+))?(?:-|$)/.exec(model.trim());
  if (!m) return false;
  const major = Number(m[1]);
  return major > 2 || (major === 2 && Number(m[2] ?? 0) >= 5);
}

/** The URL part for a picture link Gemini can fetch (https, not Drive, a known image extension), or null. */
export function linkedPicture(url: string): LinkedPicture | null {
  const m = /^https:\/\/([^/?#:]+)(?::\d+)?(\/[^?#]*)?/i.exec(url.trim());
  if (!m || SIGNED_IN_HOSTS.test(m[1])) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(m[2] ?? '')?.[1]?.toLowerCase() ?? '';
  const mimeType = MIME_BY_EXTENSION[ext];
  return mimeType ? { fileUri: url.trim(), mimeType } : null;
}

/** The URI a refused request names (Google's 400 for a file URI), or null when the answer is not that refusal. Its
 * text may name none: then '' (every linked picture of the request is suspect). */
export function refusedFileUri(code: number, text: string): string | null {
  if (code !== 400) return null;
  const m = /unsupported file uri:?\s*(\S*)/i.exec(errorMessage(text));
  return m ? m[1] : null;
}

/** The message of Google's error envelope, or the text itself when it is not one. */
function errorMessage(text: string): string {
  try {
    const m = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof m === 'string' ? m : text;
  } catch {
    return text;
  }
}
