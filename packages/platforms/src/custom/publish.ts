import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { prepareCommand } from './prepare-command.js';
import { runShell } from './run-shell.js';

/** Runs the entry's `run` command; its exit code is the whole verdict. */
export async function publishCustom(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const command = await prepareCommand(ctx);
  const result = await runShell({
    script: command.entry.run,
    cwd: command.cwd,
    env: command.env,
    log: ctx.log,
    redact: command.redact,
    label: `custom:${command.name}`,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (result.code === 0) return { status: 'published', detail: `\`run\` of platforms.custom.${command.name} succeeded for ${ctx.version.version}` };
  const tail = result.stderrTail ? `; stderr ends with:\n${result.stderrTail}` : '';
  return { status: 'failed', detail: `\`run\` of platforms.custom.${command.name} exited ${result.code}${tail}` };
}
