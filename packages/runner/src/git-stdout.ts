import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A read-only git query's trimmed stdout, or undefined when git fails (not a checkout, no such ref,
 * no git at all): the callers treat "git cannot say" as "nothing found" and word their own message.
 */
export async function gitStdout(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await run('git', [...args], { cwd })).stdout.trim();
  } catch {
    return undefined;
  }
}
