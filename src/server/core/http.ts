// HTTP requests and answers as domain code builds and reads them (platform/http.ts sends them with UrlFetchApp).

export interface HttpReq {
  url: string;
  method: 'get' | 'post';
  headers?: Record<string, string>;
  /** JSON text for POST. */
  payload?: string;
  /** Read the body as bytes (images): the answer then carries them (as a Latin-1 string) and their base64. */
  binary?: boolean;
}

export interface HttpRes {
  /** HTTP status; 0 when the request could not be made at all (DNS, refused connection). */
  code: number;
  text: string;
  /** Binary answers (200): the body as a Latin-1 string (one character 0..255 per byte: it crosses the bridge as a
   * string, not as a Byte[]) and its base64, made in JavaScript. */
  binary: string | null;
  base64: string | null;
  /** The Content-Type of a binary answer (200); '' for text answers (nobody reads it: one call fewer each). */
  contentType: string;
}
