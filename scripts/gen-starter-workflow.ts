// Writes workflows-templates/deployforge-release.yml from renderStarterWorkflow (the test in
// test/workflow/starter-workflow.test.ts fails when it is stale). Usage: npx tsx scripts/gen-starter-workflow.ts
import { writeFileSync } from 'node:fs';
import { renderStarterWorkflow } from '@deployforge/workflow';
writeFileSync(new URL('../workflows-templates/deployforge-release.yml', import.meta.url), renderStarterWorkflow());
