// HTTP requests and answers as domain code builds and reads them (platform/http.ts sends them with UrlFetchApp).

export interface HttpReq {
  url: string;
  method: 'get' | 'post';
  headers?: Record<string, string>;
  /** JSON text for POST. */
  payload?: string;
  /** Read the body as bytes (images): the answer then carries base64 and a SHA-256. */
  binary?: boolean;
}

export interface HttpRes {
  /** HTTP status; 0 when the request could not be made at all (DNS, refused connection). */
  code: number;
  text: string;
  base64: string | null;
  sha256: string | null;
  contentType: string;
}
