import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Folders made by makeScratchDir and not yet disposed of, for the exit and signal paths. */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAllNow(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

/**
 * Ctrl-C kills a Node process without running `finally` blocks or 'exit' listeners, which is how
 * `status` left its clones in $TMPDIR. While scratch folders exist, a signal removes them and then
 * takes its default course (re-raised, so the shell sees "interrupted" as usual). A command that
 * handles the signal itself (release stops gracefully) owns shutdown: its finally blocks dispose of
 * the folders, so this handler stays out of its way.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removeAllNow();
  uninstall();
  process.kill(process.pid, signal);
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAllNow);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', removeAllNow);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * A private temp folder (`$TMPDIR/<prefix>XXXXXX`) that is removed on every way out: `dispose()` on
 * the normal and error paths, the process's 'exit' event, and SIGINT/SIGTERM/SIGHUP.
 */
export async function makeScratchDir(prefix: string): Promise<{ path: string; dispose(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  live.add(path);
  install();
  return {
    path,
    async dispose() {
      live.delete(path);
      if (live.size === 0) uninstall();
      await rm(path, { recursive: true, force: true });
    },
  };
}
