import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A fresh directory under the OS temp dir (outside any git repository) holding `files`. */
export async function makeProject(files: Record<string, string>, dirName = 'project'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'deployforge-init-'));
  const dir = join(root, dirName);
  await mkdir(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

export async function removeProject(dir: string): Promise<void> {
  await rm(dirname(dir), { recursive: true, force: true });
}

export async function gitInitWithOrigin(dir: string, url: string): Promise<void> {
  await run('git', ['init', '-q'], { cwd: dir });
  await run('git', ['remote', 'add', 'origin', url], { cwd: dir });
}

export const MIT_TEXT = 'MIT License\n\nCopyright (c) 2025 Acme\n\nPermission is hereby granted, free of charge, ...\n';
