import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export type ToolEnv = Readonly<Record<string, string | undefined>>;

/**
 * Where `command` is on the PATH `env` gives (not the process's own PATH: the CLI's io decides,
 * so tests can put stand-ins first or hide the real tools).
 */
export async function findOnPath(command: string, env: ToolEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a verifying tool to its end; its exit code is the verdict, so a non-zero exit is not thrown. */
export function runTool(file: string, args: readonly string[], env: ToolEnv): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(file, [...args], { env: env as NodeJS.ProcessEnv, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
