// Writes a Drive index as state folders had it before Drive had users: one "My Drive" everybody shared.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** [id, name, kind, parent id or null, owner ('' for the host's own)]; a file gets the byte 'x'. */
export type LegacyItem = [string, string, 'folder' | 'file', string | null, string];

export function writeLegacyDrive(stateDir: string, rootId: string, items: LegacyItem[]): void {
  mkdirSync(join(stateDir, 'drive', 'files'), { recursive: true });
  const all: LegacyItem[] = [[rootId, 'My Drive', 'folder', null, ''], ...items];
  const index = Object.fromEntries(
    all.map(([id, name, kind, parent, owner]) => [
      id,
      {
        id,
        kind,
        name,
        mimeType: kind === 'folder' ? 'application/vnd.google-apps.folder' : 'text/plain',
        parents: parent ? [parent] : [],
        owner,
        editors: [],
        trashed: false,
        created: 1,
        updated: 1,
        size: kind === 'file' ? 1 : 0,
        description: null,
        writable: true,
        seq: 1,
      },
    ]),
  );
  writeFileSync(join(stateDir, 'drive', 'index.json'), JSON.stringify({ rootId, seq: all.length, items: index }));
  for (const [id, , kind] of items) if (kind === 'file') writeFileSync(join(stateDir, 'drive', 'files', id), 'x');
}
