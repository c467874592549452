import type { Plan } from '@deployforge/plan';

const yesNo = (b: boolean) => (b ? '✅ runs' : '⏭️ skipped');

/** The plan job's summary: what will happen and why, readable before any spoke has run. */
export function planSummaryMarkdown(plan: Plan): string {
  const rows = plan.spokes.map((s) =>
    `| ${s.displayName} | ${yesNo(s.run)} | ${s.reason} | ${s.required ? 'yes' : 'no'} | ${s.detail.replace(/\|/g, '\\|')} |`);
  return [
    `## DeployForge plan: ${plan.project} ${plan.version.version}`,
    '',
    `Tag \`${plan.version.tag}\`${plan.version.prerelease ? ' (prerelease)' : ''}${plan.dryRun ? ', **dry run**' : ''}${plan.force ? ', **force**' : ''}.`,
    '',
    `- build: ${yesNo(plan.build.run)}: ${plan.build.detail}`,
    `- release: ${yesNo(plan.release.run)}: ${plan.release.detail}`,
    '',
    '| platform | runs | reason | required | detail |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
