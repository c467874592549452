import { parse } from 'yaml';

// DESIGN.md "Security" as mechanical checks over a workflow's text. Written independently of the
// generator (no import from @deployforge/workflow): an audit that reused the generator's own idea of
// "which job is OIDC" would agree with any bug in it.

export type RuleId =
  | 'expression-in-run'
  | 'top-level-permissions'
  | 'job-permissions'
  | 'id-token'
  | 'unpinned-action'
  | 'persist-credentials'
  | 'dangerous-trigger'
  | 'secret-outside-environment'
  | 'concurrency'
  | 'cache-in-publish'
  | 'token-beside-oidc';

export interface Finding {
  rule: RuleId;
  where: string;
  message: string;
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface Job {
  permissions?: Record<string, string> | string;
  environment?: unknown;
  steps?: Step[];
  env?: Record<string, unknown>;
  concurrency?: unknown;
  uses?: string;
}

interface Workflow {
  on?: unknown;
  permissions?: Record<string, string> | string;
  concurrency?: unknown;
  env?: Record<string, unknown>;
  jobs?: Record<string, Job>;
}

/** Our own actions (and local ones) are versioned with the workflow; everything else is third-party. */
function isFirstParty(uses: string): boolean {
  return uses.startsWith('./') || /^deployforge\/deployforge(?:\/|@)/.test(uses);
}

const FULL_SHA = /^[0-9a-f]{40}$/;
/**
 * One of our actions by name: `deployforge/deployforge/actions/<name>@<ref>`, or `./actions/<name>` in a
 * workflow that runs the checked-out commit's own actions (DeployForge's release of itself).
 */
const own = (names: string): RegExp => new RegExp(`^(?:deployforge\\/deployforge\\/|\\.\\/)actions\\/(?:${names})(?:@|$)`);
/** Trusted publishing (OIDC) is the default credential on these platforms (DESIGN.md, Platforms). */
const OIDC_PUBLISH_ACTIONS = own('publish-(?:npm|pypi|crates)');
/** The root action publishes whichever platform its matrix leg names: OIDC ones included. */
const ROOT_ACTION = /^deployforge\/deployforge@/;
const ATTEST = /^actions\/attest-build-provenance@/;
/** Signs SHA256SUMS keylessly (release.sign) with a Sigstore certificate from the job's OIDC token. */
const PREPARE_RELEASE = own('prepare-release');
/** cosign signs images keylessly, with the same kind of certificate. */
const COSIGN_INSTALLER = /^sigstore\/cosign-installer@/;
const CREATE_RELEASE = own('create-release');
const PUBLISH_ACTION = new RegExp(`${ROOT_ACTION.source}|${own('publish-[a-z-]+').source}`);
const PACKAGES_PUBLISH = new RegExp(`${ROOT_ACTION.source}|${own('publish-(?:docker|github-packages)').source}`);
/** Moves this repository's v1/v1.2 tags: the one spoke that writes the repository it runs in. */
const TAGS_PUBLISH = own('publish-github-action');
// The published dashboard (issue 23): Pages deployed with its OIDC token, or committed to a branch by
// the status-branch job; the monitor's drift issue.
const DEPLOY_PAGES = /^actions\/deploy-pages@/;
const runsCommand = (job: Job, pattern: RegExp): boolean => (job.steps ?? []).some((s) => typeof s.run === 'string' && pattern.test(s.run));
const DRIFT_ISSUE = /\bdeployforge@\S+" drift-issue\b/;

function stepsUse(job: Job, pattern: RegExp): boolean {
  return (job.steps ?? []).some((s) => typeof s.uses === 'string' && pattern.test(s.uses));
}

function isPublishJob(id: string, job: Job): boolean {
  return id.startsWith('publish') || stepsUse(job, PUBLISH_ACTION);
}

function permissionMap(value: Job['permissions']): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value === 'read-all' ? {} : { '*': value };
  return value;
}

/** Every `secrets.NAME` an object mentions, with the expression text around it. */
function secretReferences(value: unknown): { name: string; expression: string }[] {
  const found: { name: string; expression: string }[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\$\{\{([^}]*)\}\}/g)) {
        for (const s of (m[1] ?? '').matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) found.push({ name: s[1] ?? '', expression: m[0] });
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return found;
}

/** Only the plan job may look at secrets outside an environment, and only to ask "is it set?". */
function isPresenceCheck(expression: string): boolean {
  return /^\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*!=\s*''\s*\}\}$/.test(expression);
}

function onKeys(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (on && typeof on === 'object') return Object.keys(on);
  return [];
}

function writesAnything(workflow: Workflow): boolean {
  return Object.values(workflow.jobs ?? {}).some((job) => {
    const perms = permissionMap(job.permissions) ?? {};
    return job.environment !== undefined || Object.values(perms).some((p) => p === 'write' || p === 'write-all');
  });
}

function concurrencyFindings(value: unknown, where: string): Finding[] {
  if (value && typeof value === 'object' && (value as Record<string, unknown>)['cancel-in-progress'] !== undefined) {
    const cancel = (value as Record<string, unknown>)['cancel-in-progress'];
    if (cancel !== false && cancel !== 'false') {
      return [{ rule: 'concurrency', where, message: `cancel-in-progress is ${JSON.stringify(cancel)}: a cancelled release leaves platforms half-published` }];
    }
  }
  return [];
}

/** Every DESIGN.md security rule this workflow breaks; empty when it passes. */
export function auditWorkflow(text: string): Finding[] {
  const workflow = parse(text) as Workflow;
  const findings: Finding[] = [];
  const add = (rule: RuleId, where: string, message: string): void => void findings.push({ rule, where, message });

  for (const trigger of onKeys(workflow.on)) {
    if (trigger === 'pull_request_target' || trigger === 'workflow_run') add('dangerous-trigger', `on.${trigger}`, `${trigger} runs with secrets on code the repository did not review`);
  }

  const top = permissionMap(workflow.permissions);
  if (top === undefined) add('top-level-permissions', 'permissions', 'no top-level permissions: the token gets the repository default (often write-all)');
  else for (const [scope, level] of Object.entries(top)) if (level !== 'read' && level !== 'none') add('top-level-permissions', `permissions.${scope}`, `${scope}: ${level} at the top level; only {} or read-only`);

  // Release workflows must queue, never cancel; a read-only workflow (the monitor) can cancel freely.
  const releasing = writesAnything(workflow);
  if (releasing) {
    if (!workflow.concurrency) add('concurrency', 'concurrency', 'a workflow that publishes has no concurrency group: two runs of one version race');
    findings.push(...concurrencyFindings(workflow.concurrency, 'concurrency'));
  }

  for (const s of secretReferences(workflow.env)) add('secret-outside-environment', 'env', `secrets.${s.name} in the workflow-level env reaches every job`);

  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    const perms = permissionMap(job.permissions);
    if (perms === undefined) add('job-permissions', `jobs.${id}`, 'no permissions: the job inherits the top-level ones instead of declaring what it uses');
    for (const [scope, level] of Object.entries(perms ?? {})) {
      if (level === 'read' || level === 'none') continue;
      const allowed =
        (scope === 'contents' && (stepsUse(job, CREATE_RELEASE) || stepsUse(job, TAGS_PUBLISH))) ||
        // status.branch: the job that commits the dashboard to its branch, and nothing else.
        (scope === 'contents' && id === 'status-branch' && Object.keys(perms ?? {}).length === 1) ||
        (scope === 'pages' && stepsUse(job, DEPLOY_PAGES)) ||
        (scope === 'issues' && runsCommand(job, DRIFT_ISSUE)) ||
        (scope === 'attestations' && stepsUse(job, ATTEST)) ||
        (scope === 'packages' && stepsUse(job, PACKAGES_PUBLISH)) ||
        scope === 'id-token';
      if (!allowed) add('job-permissions', `jobs.${id}.permissions.${scope}`, `${scope}: ${level} in a job that does not need it`);
    }
    const signsWithOidc = stepsUse(job, ATTEST) || stepsUse(job, PREPARE_RELEASE) || stepsUse(job, COSIGN_INSTALLER);
    if (perms?.['id-token'] === 'write' && !(stepsUse(job, OIDC_PUBLISH_ACTIONS) || stepsUse(job, ROOT_ACTION) || signsWithOidc || stepsUse(job, DEPLOY_PAGES))) {
      add('id-token', `jobs.${id}.permissions.id-token`, 'id-token: write outside an OIDC publish job or a job that attests or signs');
    }
    // The OIDC token can sign anything as this repository: never in the job that also writes the release.
    if (perms?.['id-token'] === 'write' && perms.contents === 'write') {
      add('id-token', `jobs.${id}.permissions.id-token`, 'id-token: write next to contents: write: attest and sign in a job that cannot write the release');
    }
    if (releasing) findings.push(...concurrencyFindings(job.concurrency, `jobs.${id}.concurrency`));

    const hasEnvironment = job.environment !== undefined && job.environment !== null && job.environment !== '';
    // The plan job and the credential checks run in an environment only to learn which secrets
    // exist there: they may ask whether a secret is set, never read it.
    const presenceOnly = id === 'plan' || id.startsWith('credentials-');
    for (const s of secretReferences(job)) {
      if (s.name === 'GITHUB_TOKEN') continue;
      if (presenceOnly) {
        if (!isPresenceCheck(s.expression)) add('secret-outside-environment', `jobs.${id}`, `secrets.${s.name} read by a job that may only check presence (${s.expression})`);
        continue;
      }
      if (hasEnvironment) continue;
      add('secret-outside-environment', `jobs.${id}`, `secrets.${s.name} in a job without an environment (${s.expression})`);
    }
    // Trusted publishing (22.8): a job that publishes with OIDC gets no long-lived token beside it.
    if (perms?.['id-token'] === 'write' && stepsUse(job, OIDC_PUBLISH_ACTIONS)) {
      for (const s of secretReferences(job)) {
        if (s.name !== 'GITHUB_TOKEN') add('token-beside-oidc', `jobs.${id}`, `secrets.${s.name} in a job with id-token: write: trusted publishing would be bypassed by the token`);
      }
    }

    const publish = isPublishJob(id, job);
    for (const [i, step] of (job.steps ?? []).entries()) {
      const where = `jobs.${id}.steps[${i}]`;
      if (typeof step.run === 'string' && step.run.includes('${{')) add('expression-in-run', where, 'an expression inside run: is pasted into the script before the shell parses it');
      const uses = step.uses;
      if (typeof uses !== 'string') continue;
      if (/^actions\/checkout@/.test(uses)) {
        const persist = step.with?.['persist-credentials'];
        if (persist !== false && persist !== 'false') add('persist-credentials', where, 'checkout without persist-credentials: false leaves the token in .git/config');
      }
      if (publish) {
        if (/^actions\/cache(?:\/[a-z]+)?@/.test(uses)) add('cache-in-publish', where, `${uses} in a publish job: a poisoned cache would ship`);
        if (step.with?.['cache'] !== undefined && step.with['cache'] !== '') add('cache-in-publish', where, `${uses} with cache: in a publish job`);
        if (/^actions\/setup-node@/.test(uses) && step.with?.['package-manager-cache'] !== false) add('cache-in-publish', where, 'setup-node caches npm by default: set package-manager-cache: false');
      }
    }
  }

  // Pins are checked on the text: the `# vX` comment is gone once parsed.
  for (const [n, line] of text.split('\n').entries()) {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?(.*)$/.exec(line);
    if (!m || isFirstParty(m[1] ?? '') || (m[1] ?? '').startsWith('docker://')) continue;
    const ref = (m[1] ?? '').split('@')[1] ?? '';
    if (!FULL_SHA.test(ref)) add('unpinned-action', `line ${n + 1}`, `${m[1]} is not pinned to a full commit SHA`);
    else if (!/^\s+#\s*v\d+/.test(m[2] ?? '')) add('unpinned-action', `line ${n + 1}`, `${m[1]} has no "# vX" comment naming the version its SHA stands for`);
  }
  return findings;
}
