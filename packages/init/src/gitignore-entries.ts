import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What a release leaves in the project folder and must never be committed: `.deployforge/`
 * (status.json, snapshot packages, the local release's work) and the build's output folder (the
 * first segment of build.path, when it is a plain folder name).
 */
export function ignoredFolders(buildPath: string | undefined): string[] {
  const first = buildPath?.split('/')[0];
  const output = first && /^[A-Za-z0-9._-]+$/.test(first) && first !== '.' && first !== '..' ? [`${first}/`] : [];
  return ['.deployforge/', ...output];
}

/** `dist`, `/dist`, `dist/` and `/dist/` all ignore the folder dist at this level. */
const normalize = (line: string) => line.trim().replace(/^\//, '').replace(/\/$/, '');

async function insideGitWorkTree(dir: string): Promise<boolean> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return stdout.trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * Append the entries `dir/.gitignore` does not have yet (any spelling of the same folder counts),
 * creating the file if needed; only inside a git work tree, since elsewhere a .gitignore is
 * clutter. Returns the entries added (empty: nothing to do, or not a git repository).
 */
export async function addToGitignore(dir: string, entries: readonly string[]): Promise<{ file: string; added: string[] }> {
  const file = join(dir, '.gitignore');
  if (!(await insideGitWorkTree(dir))) return { file, added: [] };
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const present = new Set(text.split(/\r?\n/).map(normalize));
  const added = entries.filter((e) => !present.has(normalize(e)));
  if (added.length === 0) return { file, added };
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await writeFile(file, `${text}${separator}# deployforge: release work and build output\n${added.join('\n')}\n`, 'utf8');
  return { file, added };
}
