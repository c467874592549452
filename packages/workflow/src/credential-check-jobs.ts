import type { DeployforgeConfig } from '@deployforge/config';
import { describeMissingCredentials, planCredentials, spokeCredentialInfo } from '@deployforge/plan';
import { PLATFORMS } from '@deployforge/catalog';
import { jobCredentials, type WorkflowSpoke } from './workflow-spokes.js';
import type { Job } from './workflow-types.js';

/** `credentials-npm-publish`: a valid, stable job id for an environment name. */
function checkJobId(environment: string): string {
  return `credentials-${environment.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`;
}

/** A shell word that stays literal: single quotes, with any single quote closed and escaped. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}

/**
 * One job per environment, other than the plan job's, that holds a *required* spoke with a token:
 * the plan job cannot see that environment's secrets, so this job, running in it, checks that the
 * required spokes the plan chose have theirs, and fails with an annotation when one is missing.
 * The build needs these jobs, so a missing required credential stops the release before anything
 * is built or written, wherever the secret is kept. Only presence is read (`secrets.X != ''`),
 * never a value, and the job has no permissions at all. A spoke the plan did not choose is not
 * checked (its `publish-<key>` output is not `true`): a redeploy of other platforms never waits on
 * it. It asks for the environment's approval, like every job that runs in one.
 */
export function credentialCheckJobs(spokes: readonly WorkflowSpoke[], config: DeployforgeConfig, planEnvironment: string, runsOn: string): Record<string, Job> {
  const required = new Set<string>(config.required ?? []);
  const byEnvironment = new Map<string, WorkflowSpoke[]>();
  for (const spoke of spokes) {
    if (!(required.has(spoke.key) || required.has(spoke.platform))) continue;
    if (spoke.environment === planEnvironment || jobCredentials(spoke).length === 0) continue;
    byEnvironment.set(spoke.environment, [...(byEnvironment.get(spoke.environment) ?? []), spoke]);
  }

  const jobs: Record<string, Job> = {};
  for (const [environment, envSpokes] of [...byEnvironment].sort(([a], [b]) => a.localeCompare(b))) {
    const env: Record<string, string> = {};
    const lines = ['missing=0'];
    for (const spoke of envSpokes) {
      const runs = `DEPLOYFORGE_PUBLISH_${spoke.jobId.slice('publish-'.length).toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
      env[runs] = `\${{ needs.plan.outputs.${spoke.jobId} }}`;
      // The spoke's own list: a custom entry's credentials are the secrets it names, not the catalog's.
      // The plan's own view of the spoke (a custom entry needs every secret it lists), with the
      // credentials its job receives (none where trusted publishing replaces the token).
      const entry = spoke.instance !== undefined ? config.platforms?.custom?.[spoke.instance] : undefined;
      const info = { ...spokeCredentialInfo(PLATFORMS[spoke.platform], spoke.instance, entry), credentials: [...jobCredentials(spoke)] };
      const names = info.credentials.map((c) => c.name);
      for (const name of names) env[`DEPLOYFORGE_HAS_${name}`] = `\${{ secrets.${name} != '' }}`;
      const absent = names.map((n) => `[ "$DEPLOYFORGE_HAS_${n}" != true ]`);
      // `any`: missing when every one is absent; `all`: missing when one is.
      const lacking = info.allCredentialsRequired ? `{ ${absent.join(' || ')}; }` : absent.join(' && ');
      const words = describeMissingCredentials(info, planCredentials(info, { present: new Set(), oidcAvailable: false }, { trustedPublishing: spoke.trustedPublishing, environment }));
      const message = `${spoke.key} is required, but its secret is set neither in the ${environment} environment nor for the repository; ${words}. Nothing was built or published.`;
      lines.push(`if [ "$${runs}" = true ] && ${lacking}; then`);
      lines.push(`  printf '%s\\n' ${shellQuote(`::error title=${spoke.key} has no credential::${message}`)}`);
      lines.push('  missing=1');
      lines.push('fi');
    }
    lines.push('exit "$missing"');
    jobs[checkJobId(environment)] = {
      name: `credentials ${environment}`,
      needs: 'plan',
      'runs-on': runsOn,
      environment,
      permissions: {},
      steps: [{ name: 'Check the required platforms\' credentials', shell: 'bash', env, run: `${lines.join('\n')}\n` }],
    };
  }
  return jobs;
}
