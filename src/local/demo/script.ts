// Runs small Apps Script snippets in the runtime on behalf of seeders (properties, sheets), as the admin.
import type { Runtime } from '../runtime/runtime';

/** Runs `body` (Apps Script source of a function body taking `args`) and returns its value or throws. */
export async function runSnippet<T = unknown>(
  rt: Runtime,
  body: string,
  args: unknown = null,
  documentId?: string | null,
): Promise<T> {
  const r = await rt.execute({
    fn: '__snippet',
    args: [args],
    user: 'admin@datadesk.local',
    documentId,
    script: `function __snippet(args) {\n${body}\n}`,
  });
  if (!r.ok) throw new Error(`snippet failed: ${r.error!.name}: ${r.error!.message}`);
  return r.value as T;
}

/** Sets script properties (values are strings). */
export async function setScriptProperties(rt: Runtime, props: Record<string, string>): Promise<void> {
  await runSnippet(rt, 'PropertiesService.getScriptProperties().setProperties(args);', props);
}
