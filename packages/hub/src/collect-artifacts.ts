import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';

function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * The files the hub uploads, from the `artifacts` input: one or more lines, each a directory (every
 * file below it: download-artifact puts each artifact in its own subfolder) or a path whose last
 * segment may hold `*` and `?`. Nothing found is a user error: a release without its archives
 * would be published empty.
 */
export async function collectArtifacts(spec: string, cwd: string): Promise<string[]> {
  const files = new Set<string>();
  const lines = spec.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const line of lines) {
    const path = resolve(cwd, line);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const f of await walk(path)) files.add(f);
    } else if (info?.isFile()) {
      files.add(path);
    } else if (/[*?]/.test(basename(line))) {
      const dir = dirname(path);
      const re = wildcardToRegExp(basename(line));
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) if (e.isFile() && re.test(e.name)) files.add(join(dir, e.name));
    } else {
      throw ConfigurationError.forInput('artifacts', `"${line}" does not exist (expected a directory, a file, or a pattern like dist/*.tar.gz)`);
    }
  }
  if (files.size === 0) throw ConfigurationError.forInput('artifacts', `no files found in "${lines.join(', ')}"`);
  return [...files].sort();
}
