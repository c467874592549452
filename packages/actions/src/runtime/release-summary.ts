import type { ReleaseResult } from '@deployforge/github';

/** The hub's summary: the release, each asset with its checksum, and what this run changed. */
export function releaseSummaryMarkdown(result: ReleaseResult): string {
  const state = result.dryRun ? 'dry run, nothing written' : result.writes === 0 ? 'already complete, nothing written' : `${result.writes} write(s)`;
  return [
    `## DeployForge release ${result.tag}`,
    '',
    `${result.url ? `[${result.tag}](${result.url})` : result.tag}: ${result.published ? 'published' : 'draft'} (${state}).`,
    '',
    '| asset | size | sha256 |',
    '|---|---:|---|',
    ...result.assets.map((a) => `| ${a.name} | ${a.size} | \`${a.sha256}\` |`),
    '',
    ...(result.actions.length > 0 ? ['<details><summary>What this run did</summary>', '', ...result.actions.map((a) => `- ${a}`), '', '</details>', ''] : []),
  ].join('\n');
}
