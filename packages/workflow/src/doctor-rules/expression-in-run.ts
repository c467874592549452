import { isScalar } from 'yaml';
import type { DoctorFinding } from '../doctor-finding.js';
import { jobsOf, startOf, stepsOf, valueOf, type WorkflowFile } from '../workflow-file.js';
import { releaseTriggers } from '../workflow-triggers.js';

/**
 * `${{ … }}` inside `run:` is pasted into the script before the shell sees it: a tag name, an input
 * or a release title becomes code (script injection). In a workflow that runs with release
 * credentials, every value must go through `env:` and be used as "$VAR".
 */
export function expressionInRun(file: WorkflowFile): DoctorFinding[] {
  if (!releaseTriggers(file).isReleaseWorkflow) return [];
  const findings: DoctorFinding[] = [];
  for (const { id, job } of jobsOf(file)) {
    for (const step of stepsOf(job)) {
      const run = valueOf(step, 'run');
      if (!isScalar(run) || typeof run.value !== 'string' || !run.value.includes('${{')) continue;
      const [start, end] = run.range ?? [startOf(run), startOf(run)];
      const hit = file.text.indexOf('${{', start);
      const offset = hit >= 0 && hit < end ? hit : start;
      const expression = /\$\{\{([^}]*)\}\}/.exec(run.value)?.[1]?.trim() ?? '';
      findings.push({
        rule: 'expression-in-run',
        file: file.path,
        ...file.position(offset),
        message: `job ${id}: \${{ ${expression} }} inside run: is pasted into the script; pass it through env: (NAME: \${{ ${expression} }}) and use "$NAME"`,
      });
    }
  }
  return findings;
}
