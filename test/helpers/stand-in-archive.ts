import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchive } from '@deployforge/archive';

/**
 * A real release archive at `destination` (.zip or .tar.gz by its name) holding one executable,
 * `binary`, at its root with `content`: what `release --artifacts` accepts (it opens each archive
 * and looks for the binary), for tests that need a prebuilt archive but no real build.
 */
export async function standInArchive(destination: string, binary: string, content: string | Uint8Array): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'df-stand-in-'));
  try {
    writeFileSync(join(work, binary), content, { mode: 0o755 });
    await createArchive(destination.endsWith('.zip') ? 'zip' : 'tar.gz', [{ source: join(work, binary), name: binary, mode: 0o755 }], destination);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
