// Marks one user's heartbeat for one document as running (in their user properties) so two of theirs never
// overlap, without holding a lock throughout. Heartbeats of different users may run at once: each runs only its
// owner's jobs, and each job guards its own work.

const CLAIM_PROPERTY = 'DATADESK_HEARTBEAT_UNTIL_';

/** True when no other heartbeat of this user for `docId` is running (or its claim expired); then this one holds it. */
export function claimHeartbeat(docId: string, now: number, ms: number): boolean {
  const props = PropertiesService.getUserProperties();
  const until = Number(props.getProperty(CLAIM_PROPERTY + docId) ?? 0);
  if (until > now) return false;
  props.setProperty(CLAIM_PROPERTY + docId, String(now + ms + 60_000));
  return true;
}

export function releaseHeartbeat(docId: string): void {
  PropertiesService.getUserProperties().deleteProperty(CLAIM_PROPERTY + docId);
}
