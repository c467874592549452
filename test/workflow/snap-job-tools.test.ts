import { expect, test } from 'vitest';
import { SNAPCRAFT_CHANNEL } from '../../packages/workflow/src/snapcraft-install-step.js';
import { SCENARIOS, renderScenario } from './helpers/scenarios.js';

// Issue 17.2: the snap job installs its tools pinned and from fresh package lists.
test.each(SCENARIOS.filter((s) => ['example-rust-cli', 'all-platforms'].includes(s.name)))('$name: snapcraft by track, apt-get update before apt-get install', async (scenario) => {
  const { workflow } = await renderScenario(scenario);
  const scripts = workflow.jobs['publish-snap']!.steps.map((s) => s.run ?? '').filter((r) => /apt-get|snap install/.test(r));
  expect(scripts).toHaveLength(1);
  const lines = scripts[0]!.split('\n');
  const update = lines.findIndex((l) => /\bapt-get update\b/.test(l));
  const install = lines.findIndex((l) => /\bapt-get install\b/.test(l));
  expect(update).toBeGreaterThanOrEqual(0);
  expect(update).toBeLessThan(install);
  expect(lines).toContain(`sudo snap install snapcraft --classic --channel=${SNAPCRAFT_CHANNEL}`);
  expect(SNAPCRAFT_CHANNEL).toMatch(/^\d+\.x\/stable$/);
});
