// Reads the nuspec inside an uploaded .nupkg with Info-ZIP's `unzip`, as a feed server would on push.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NuspecFacts {
  id: string;
  version: string;
  title?: string;
  authors?: string;
  description?: string;
  summary?: string;
  tags?: string;
  projectUrl?: string;
  /** Every entry name in the zip. */
  entries: string[];
}

const tag = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];

export async function readNupkg(nupkg: Buffer): Promise<NuspecFacts> {
  const dir = await mkdtemp(join(tmpdir(), 'nuget-fake-'));
  try {
    const file = join(dir, 'upload.nupkg');
    await writeFile(file, nupkg);
    const { stdout: listing } = await run('unzip', ['-Z1', file]);
    const entries = listing.split('\n').filter(Boolean);
    const nuspecName = entries.find((e) => !e.includes('/') && e.toLowerCase().endsWith('.nuspec'));
    if (!nuspecName) throw new Error('the package has no .nuspec at its root');
    const { stdout: xml } = await run('unzip', ['-p', file, nuspecName], { maxBuffer: 16 << 20 });
    const id = tag(xml, 'id');
    const version = tag(xml, 'version');
    if (!id || !version) throw new Error('the nuspec has no id or version');
    const facts: NuspecFacts = { id, version, entries };
    for (const key of ['title', 'authors', 'description', 'summary', 'tags', 'projectUrl'] as const) {
      const value = tag(xml, key);
      if (value !== undefined) facts[key] = value;
    }
    return facts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
