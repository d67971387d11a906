// fileData parts as the Gemini API takes them (ai.google.dev/gemini-api/docs/file-input-methods, "external URLs"):
// public https or pre-signed URLs, Gemini 2.5 and later models only, fetched by Google's servers while the request
// is processed; one URL that is refused or cannot be fetched fails the whole request with 400 INVALID_ARGUMENT
// "Invalid or unsupported file uri: <uri>" (the text reported in googleapis/python-genai#71 and BoundaryML/baml#1548;
// Vertex words it "Unsupported file uri: <uri>", BerriAI/litellm#11529).
import { Agent, get as httpsGet } from 'node:https';
import { get as httpGet } from 'node:http';
import { trustedContext } from '../../services/urlfetch/trust';

/** The header the stand-in's own fetches carry, so its picture route counts them apart from DataDesk's downloads. */
export const MODEL_FETCH_AGENT = 'Google-Gemini-UrlFetch (DataDesk stand-in)';

/** The least a URL fetch takes: Google's fetch of a 100–300 KB picture from a CDN (a TLS handshake and the transfer)
 * is not documented; 300 ms is a slow CDN's answer, the strict side (the local fetch itself takes ~1 ms, unless the
 * picture host is told to answer slowly, as the bench tells it for everyone's downloads). Fetches of one request run
 * in parallel, so a request waits for its slowest. */
export const URL_FETCH_LATENCY_MS = 300;

/** Google's fetcher keeps its connections to a host open (one TLS handshake per host, not per picture). */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/** Most bytes Google takes through URLs in one request (the docs' 100 MB per payload). */
const MAX_URL_BYTES = 100 * 1024 * 1024;

export const unsupportedUri = (uri: string) => `Invalid or unsupported file uri: ${uri}`;

/** A model id's version, gemini-<major>.<minor>… ([0, 0] for other names). */
export function geminiVersion(model: string): [number, number] {
  const m = /^(?:models\/)?gemini-(\d+)(?:\.(\d+))?/.exec(model.toLowerCase());
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

/** Whether a model id takes external URLs: gemini-<major>.<minor>… at 2.5 or later; anything else (2.0, unknown
 * names) does not. */
export function modelTakesUrls(model: string): boolean {
  const [major, minor] = geminiVersion(model);
  return major > 2 || (major === 2 && minor >= 5);
}

/** The first URI Google refuses before fetching anything (not https, or a model without URL input), or null. */
export function refusedUri(uris: string[], model: string): string | null {
  for (const uri of uris) if (!modelTakesUrls(model) || !/^https:\/\//i.test(uri)) return uri;
  return null;
}

export interface Fetched {
  uri: string;
  bytes: Buffer | null;
}

/** One GET, as Google's fetcher makes it: the bytes of a 200 image answer, null for anything else. */
function fetchOne(uri: string): Promise<Fetched> {
  return new Promise((resolve) => {
    const secure = uri.startsWith('https:');
    const get = secure ? httpsGet : httpGet;
    const tls = secure ? { agent: keepAlive, secureContext: trustedContext() } : {};
    const r = get(uri, { headers: { 'User-Agent': MODEL_FETCH_AGENT }, timeout: 30_000, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_URL_BYTES) chunks.push(c);
      });
      res.on('end', () => {
        const image = /^image\//i.test(String(res.headers['content-type'] ?? ''));
        const ok = res.statusCode === 200 && image && size <= MAX_URL_BYTES;
        resolve({ uri, bytes: ok ? Buffer.concat(chunks) : null });
      });
      res.on('error', () => resolve({ uri, bytes: null }));
    });
    r.on('timeout', () => r.destroy());
    r.on('error', () => resolve({ uri, bytes: null }));
  });
}

/** Fetches every URI in parallel (the request has waited that long when it returns); `extraMs` is what it must wait
 * on top so the fetches took at least `URL_FETCH_LATENCY_MS` (a picture host that is itself slow is not charged twice). */
export async function fetchUris(uris: string[]): Promise<{ fetched: Fetched[]; extraMs: number }> {
  const started = Date.now();
  const fetched = await Promise.all(uris.map(fetchOne));
  return { fetched, extraMs: uris.length ? Math.max(0, URL_FETCH_LATENCY_MS - (Date.now() - started)) : 0 };
}
