import { describe, expect, test } from 'vitest';
import { renderStarterWorkflow } from '@deployforge/workflow';
import { parse } from 'yaml';
import { SCENARIOS, renderScenario, type ParsedWorkflow } from './helpers/scenarios.js';

// Issue 17.1: the generated build job packages with the `package` action (packages/archive, the
// local runner's packager), so no runner's tar/7-Zip/cp can make the archive differ.

const ARCHIVERS = /(?:^|[\s;&|(])(?:tar|7z|zip|gzip)\s/m;
const COPY = /(?:^|[\s;&|(])cp\s/m;

function runScripts(jobs: ParsedWorkflow['jobs'][string][]): string[] {
  return jobs.flatMap((job) => job.steps.map((s) => s.run).filter((r): r is string => r !== undefined));
}

const workflows = [
  ...SCENARIOS.map((s) => ({ name: s.name, text: async () => (await renderScenario(s)).text })),
  { name: 'starter workflow', text: async () => renderStarterWorkflow() },
];

describe.each(workflows)('$name', ({ text }) => {
  test('no run: step packages anything: no tar, 7z, zip or gzip anywhere, no cp in the build job', async () => {
    const workflow = parse(await text()) as ParsedWorkflow;
    for (const script of runScripts(Object.values(workflow.jobs))) expect(script, script).not.toMatch(ARCHIVERS);
    for (const script of runScripts([workflow.jobs.build!])) expect(script, script).not.toMatch(COPY);
  });

  test('the build job packages with the package action and uploads what it wrote', async () => {
    const workflow = parse(await text()) as ParsedWorkflow;
    const steps = workflow.jobs.build!.steps;
    const pack = steps.find((s) => s.name === 'Package')!;
    expect(pack.uses).toMatch(/^deployforge\/deployforge\/actions\/package@/);
    expect(pack.run).toBeUndefined();
    expect(pack.with).toMatchObject({ version: '${{ needs.plan.outputs.version }}', target: '${{ matrix.target }}' });
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.path).toBe(`\${{ steps.${pack.id}.outputs.archive }}`);
    // Only the build command itself is a script in the build job.
    // (and setting up the toolchain it names: rustup installs, it packages nothing).
    expect(steps.filter((s) => s.run !== undefined && s.name !== 'Set up the Rust toolchain').map((s) => s.name)).toEqual(['Build']);
  });
});

