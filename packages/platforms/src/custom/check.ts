import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { customEntry } from './custom-entry.js';
import { prepareCommand } from './prepare-command.js';
import { runShell } from './run-shell.js';

/**
 * The entry's `check` command decides: exit 0 means this version is deployed (identical: skip),
 * exit 1 means it is not (absent), anything else means the check itself broke (unknown, with what
 * it printed last). No `check` at all: nothing can be known, so the command runs every time.
 */
export async function checkCustom(ctx: PlatformContext): Promise<Existence> {
  const { name, entry } = customEntry(ctx);
  if (!entry.check) return { state: 'absent', detail: `platforms.custom.${name} has no \`check\` command, so \`run\` runs on every release` };
  const command = await prepareCommand(ctx);
  const result = await runShell({
    script: entry.check,
    cwd: command.cwd,
    env: command.env,
    log: ctx.log,
    redact: command.redact,
    label: `custom:${name} check`,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (result.code === 0) return { state: 'identical', detail: `\`check\` of platforms.custom.${name} exited 0 (already deployed)` };
  if (result.code === 1) return { state: 'absent', detail: `\`check\` of platforms.custom.${name} exited 1 (not deployed)` };
  const tail = result.stderrTail ? `; stderr ends with:\n${result.stderrTail}` : '';
  return { state: 'unknown', detail: `\`check\` of platforms.custom.${name} exited ${result.code} (0 = deployed, 1 = not deployed)${tail}` };
}
