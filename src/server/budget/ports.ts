// What budget domain code needs from outside, as interfaces: adapters.ts implements them on Drive; tests fake them.

/** Where receipts and monthly PDFs live: one Drive folder per cluster. */
export interface ReceiptStore {
  /** The cluster's folder id (created on first use); `known` is the id already read with the caller (null: none yet;
   * left out: looked up). */
  folderFor(clusterId: string, clusterName: string, known?: string | null): string;
  /** A new file; its URL is read only when asked. */
  save(folderId: string, name: string, mime: string, bytes: Uint8Array): { id: string; url(): string };
  /** Moves a file to the trash; a refusal is logged, not thrown (cleanup after a failed write). */
  trash(fileId: string): void;
  sha256(bytes: Uint8Array): string;
}
