// Marks an hourly heartbeat as running (in the document's properties) so two never overlap, without holding a lock throughout.

const CLAIM_PROPERTY = 'DATADESK_HEARTBEAT_UNTIL';

/** Per document: each document has its own heartbeat (script properties outside a container). */
function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
}

/** True when no other heartbeat is running (or its claim has expired); then this one holds the claim until `now + ms`. */
export function claimHeartbeat(now: number, ms: number): boolean {
  const props = store();
  const until = Number(props.getProperty(CLAIM_PROPERTY) ?? 0);
  if (until > now) return false;
  props.setProperty(CLAIM_PROPERTY, String(now + ms + 60_000));
  return true;
}

export function releaseHeartbeat(): void {
  store().deleteProperty(CLAIM_PROPERTY);
}
