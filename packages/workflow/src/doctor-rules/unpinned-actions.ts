import { isScalar, type Node } from 'yaml';
import type { DoctorFinding } from '../doctor-finding.js';
import { FULL_SHA } from '../pinned-actions.js';
import { jobsOf, startOf, stepsOf, valueOf, type WorkflowFile } from '../workflow-file.js';

/**
 * `uses:` on a tag or branch: whoever controls that tag controls the job, secrets included.
 * Local actions (`./…`) are this repository's own code. DeployForge's own actions get the same
 * rule with their own fix: `generate` pins them when it can resolve the release to its commit, and
 * when it could not (offline), this finding stays until they are pinned.
 */
export function unpinnedActions(file: WorkflowFile, ownActionRepos: ReadonlySet<string>): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const check = (node: Node | undefined) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const uses = node.value.trim();
    if (uses.startsWith('./') || uses.includes('${{')) return;
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
        findings.push(finding(file, node, `${uses} is a container image by tag; pin it by digest (docker://image@sha256:…)`));
      }
      return;
    }
    const at = uses.lastIndexOf('@');
    const name = at < 0 ? uses : uses.slice(0, at);
    const ref = at < 0 ? '' : uses.slice(at + 1);
    const repo = name.split('/').slice(0, 2).join('/');
    if (FULL_SHA.test(ref)) return;
    if (ownActionRepos.has(repo)) {
      findings.push(finding(file, node,
        `${uses} is DeployForge's own action by ${ref ? 'tag' : 'no ref'}: run \`npx deployforge generate\` where github.com is reachable (it pins the release's commit), ` +
          'or set workflow.actions-ref (or --actions-ref) to a full commit SHA'));
      return;
    }
    findings.push(finding(file, node,
      `${uses} is not pinned: use the full commit SHA of that release (${name}@<40-hex sha> # ${ref || 'vX.Y.Z'}), so a moved tag cannot change what runs`));
  };
  for (const { job } of jobsOf(file)) {
    check(valueOf(job, 'uses'));
    for (const step of stepsOf(job)) check(valueOf(step, 'uses'));
  }
  return findings;
}

function finding(file: WorkflowFile, node: Node, message: string): DoctorFinding {
  return { rule: 'unpinned-action', file: file.path, ...file.position(startOf(node)), message };
}
