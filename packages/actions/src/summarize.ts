import { resolve } from 'node:path';
import * as core from '@actions/core';
import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import {
  parseNeeds, renderBadge, renderDashboard, renderSummaryMarkdown, requiredFailures, statusFromNeeds,
} from '@deployforge/status';
import { loadGitHubClient } from '@deployforge/github';
import { announceRelease, parseHistorySource, readPublishedHistory, type HistorySource } from '@deployforge/runner';
import { createActionLogger } from './runtime/action-logger.js';
import { stringInput } from './runtime/action-inputs.js';
import { runAction } from './runtime/run-action.js';

/** Inputs exactly as named in actions/summarize/action.yml. */
interface SummarizeInputs {
  results: string;
  config: string;
  'output-dir': string;
  history: string;
  token: string;
}

function readInputs(env: NodeJS.ProcessEnv): SummarizeInputs {
  const results = stringInput(env, 'results');
  if (!results) throw ConfigurationError.forInput('results', 'required: pass results: ${{ toJSON(needs) }}');
  return {
    results,
    config: stringInput(env, 'config', 'deployforge.yml'),
    'output-dir': stringInput(env, 'output-dir', 'deployforge-status'),
    history: stringInput(env, 'history'),
    token: stringInput(env, 'token'),
  };
}

/**
 * The config only names the platforms when the plan failed; a config that does not load is
 * probably *why* it failed, and the plan job has already said so with annotations.
 */
async function configIfLoadable(path: string): Promise<LoadedConfig | undefined> {
  try {
    // Loaded here, not at the top: the YAML parser and the schema validator are most of what this
    // action would load at start (410 of 600 KiB), for a path that runs only when the plan failed.
    const { loadConfig } = await import('@deployforge/config');
    return await loadConfig(path);
  } catch {
    return undefined;
  }
}

/** The history already published, when the workflow publishes one (status.pages / status.branch). */
async function previousHistory(source: HistorySource | undefined, token: string) {
  if (!source) return undefined;
  if (!token) throw ConfigurationError.forInput('token', 'required with history: pass token: ${{ github.token }}');
  core.setSecret(token);
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set: the published history is looked up in this repository');
  const client = await loadGitHubClient({ token, log: createActionLogger(), ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) });
  return readPublishedHistory(client, { owner, repo }, source);
}

await runAction('summarize', async ({ redact }) => {
  const inputs = readInputs(process.env);
  // Other jobs' outputs end up in status.json and the dashboard, files no runner masks: a secret
  // or an Authorization header in a spoke's detail stops here too.
  const needs = parseNeeds(redact(inputs.results));
  const planOk = needs.plan?.result === 'success';
  const doc = statusFromNeeds(needs, planOk ? {} : { config: await configIfLoadable(inputs.config) });

  const previous = await previousHistory(parseHistorySource(inputs.history), inputs.token);
  // A dry run wrote nothing anywhere: it is shown in this run's artifact, never added to the site.
  const publish = previous !== undefined && previous.complete && !doc['dry-run'];
  const files = await renderDashboard([...(previous?.documents ?? []), doc], resolve(inputs['output-dir']));
  core.setOutput('publish', String(publish));
  // On a line of its own: the detail may end with a list of a status document's bad keys.
  if (previous && !previous.complete) core.warning(`${previous.detail}\nThe published dashboard is left as it is; this run's is in the ${inputs['output-dir']} artifact.`, { title: 'The published status history could not be read' });
  else if (previous) core.info(`published history: ${previous.detail}`);
  await core.summary.addRaw(renderSummaryMarkdown(doc)).write();
  core.setOutput('status', JSON.stringify(doc));
  core.setOutput('badge', JSON.stringify(renderBadge(doc)));
  core.info(`status.json: ${files.status}\ndashboard: ${files.index}\nbadge: ${files.badge}`);

  if (doc.plan) core.warning(doc.plan.detail, { title: 'The plan failed and nothing was released' });
  for (const [key, p] of Object.entries(doc.platforms)) {
    const name = p.name ?? key;
    if (p.status === 'needs-human') core.warning(`${name}: ${p.detail}`, { title: `${name} needs a person` });
    else if (p.status === 'failed' && !p.required) core.warning(`${name} (optional) failed: ${p.detail}`, { title: `${name} failed (optional)` });
    else if (p.status === 'failed') core.error(`${name} (required) failed: ${p.detail}`, { title: `${name} failed (required)` });
  }
  if (doc.release?.status === 'failed') core.error(`release ${doc.release.tag}: ${doc.release.detail}`, { title: 'The release failed' });

  // Webhooks (DEPLOYFORGE_SLACK_WEBHOOK, …_DISCORD_…, …_ANNOUNCE_…) from the job's env, when this
  // run published something; announceRelease never throws and masks the URLs.
  const published = doc.release?.status === 'published' || Object.values(doc.platforms).some((p) => p.status === 'published');
  if (published && !doc['dry-run']) {
    for (const w of ['DEPLOYFORGE_SLACK_WEBHOOK', 'DEPLOYFORGE_DISCORD_WEBHOOK', 'DEPLOYFORGE_ANNOUNCE_WEBHOOK']) {
      if (process.env[w]) core.setSecret(process.env[w] as string);
    }
    await announceRelease(doc, process.env, { log: createActionLogger() });
  }

  // The only reason this job fails: a spoke that must succeed did not. Optional failures and
  // needs-human are reported above and leave the run green.
  const failed = requiredFailures(doc);
  if (failed.length > 0) core.setFailed(`required platform(s) failed: ${failed.join(', ')}`);
});
