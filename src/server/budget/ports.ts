// What budget domain code needs from outside, as interfaces: adapters.ts implements them on Drive; tests fake them.

/** Where receipts live: the cluster's receipts folder in the budget's Drive tree. */
export interface ReceiptStore {
  /** The cluster's receipts folder id (NOT_SET_UP until the budget admin set the tree up). */
  folderFor(clusterId: string, clusterName: string): string;
  /** A new file; its URL is read only when asked. */
  save(folderId: string, name: string, mime: string, bytes: Uint8Array): { id: string; url: string };
  /** Moves a file to the trash; a refusal is logged, not thrown (cleanup after a failed write). */
  trash(fileId: string): void;
  sha256(bytes: Uint8Array): string;
}
