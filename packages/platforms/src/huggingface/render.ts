import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { spaceConfig, spaceFolder } from './space-config.js';

/** Hugging Face refuses plain-git files above 10 MB (they must go through Git LFS). */
export const MAX_PLAIN_GIT_BYTES = 10 * 1024 * 1024;

/**
 * The Space *is* the folder: its files, exactly, with their executable bits. This reads the local
 * folder the config names (the input, like release assets for other platforms) and nothing else.
 */
export function renderHuggingface(ctx: PlatformContext): RenderedFile[] {
  const root = spaceFolder(ctx);
  const origin = 'platforms.huggingface.path';
  let rootStat;
  try {
    rootStat = statSync(root);
  } catch {
    throw ConfigurationError.forInput(origin, `the Space folder "${spaceConfig(ctx).path}" does not exist (looked at ${root})`);
  }
  if (!rootStat.isDirectory()) throw ConfigurationError.forInput(origin, `${root} is not a folder`);
  const files: RenderedFile[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // The folder may sit inside the project's own checkout: its git data is never part of the Space.
      if (entry.name === '.git') continue;
      const full = join(dir, entry.name);
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const stat = statSync(full);
      if (stat.isDirectory()) {
        walk(full, rel);
      } else if (stat.isFile()) {
        if (stat.size > MAX_PLAIN_GIT_BYTES) {
          throw ConfigurationError.forInput(origin, `${rel} is ${stat.size} bytes; Hugging Face needs Git LFS above 10 MB, which DeployForge does not push yet`);
        }
        files.push({ path: rel, contents: readFileSync(full), mode: stat.mode & 0o111 ? 0o755 : 0o644 });
      }
    }
  };
  walk(root, '');
  if (files.length === 0) throw ConfigurationError.forInput(origin, `the Space folder ${root} is empty`);
  return files;
}
