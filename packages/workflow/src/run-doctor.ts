import type { LoadedConfig } from '@deployforge/config';
import { PLATFORMS } from '@deployforge/catalog';
import { spokeKeys } from '@deployforge/plan';
import type { DoctorFinding } from './doctor-finding.js';
import { expressionInRun } from './doctor-rules/expression-in-run.js';
import { overlappingTagTriggers } from './doctor-rules/overlapping-tag-triggers.js';
import { staleGeneratedWorkflow } from './doctor-rules/stale-generated-workflow.js';
import { unmappedSecrets } from './doctor-rules/unmapped-secrets.js';
import { unpinnedActions } from './doctor-rules/unpinned-actions.js';
import { renderReleaseWorkflow } from './render-release-workflow.js';
import { DEFAULT_ACTIONS_REPO, type RenderOptions } from './render-options.js';
import { optionsFromHeader } from './workflow-header.js';
import { parseWorkflowFile, type WorkflowFile } from './workflow-file.js';

export interface DoctorInput {
  /** Every workflow file: path as shown to the user, and its text. */
  workflows: readonly { path: string; text: string }[];
  /**
   * The config, when the repository has one. Without it, the rules that need it (stale generated
   * file, unmapped secrets) are skipped rather than guessed.
   */
  loaded?: LoadedConfig;
  /** The config file's name as the user knows it, for messages. */
  configFile?: string;
}

/**
 * Lint a repository's workflows for the release problems DeployForge exists to remove. Pure over
 * file contents and the loaded config; reading the files is the caller's job.
 */
export function runDoctor(input: DoctorInput): DoctorFinding[] {
  const files: WorkflowFile[] = [];
  const findings: DoctorFinding[] = [];
  for (const w of input.workflows) {
    const file = parseWorkflowFile(w.path, w.text);
    const error = file.doc.errors[0];
    if (error) {
      findings.push({ rule: 'invalid-yaml', file: w.path, ...file.position(error.pos[0]), message: error.message.split('\n')[0]! });
      continue;
    }
    files.push(file);
  }

  const ownRepos = new Set([DEFAULT_ACTIONS_REPO]);
  for (const f of files) {
    const repo = optionsFromHeader(f.text)?.actionsRepo;
    if (repo) ownRepos.add(repo);
  }
  const { loaded } = input;
  const known = new Set(['GITHUB_TOKEN']);
  if (loaded) {
    for (const s of spokeKeys(loaded.config, loaded.enabledPlatforms)) {
      for (const c of PLATFORMS[s.platform].credentials) known.add(c.name);
      // A custom entry's `secrets:` are mapped into its publish job by generate: they are known too.
      if (s.instance) for (const name of loaded.config.platforms?.custom?.[s.instance]?.secrets ?? []) known.add(name);
    }
  }
  const render = (options: RenderOptions) => (loaded ? renderReleaseWorkflow(loaded, options) : undefined);

  findings.push(...overlappingTagTriggers(files));
  for (const file of files) {
    findings.push(...staleGeneratedWorkflow(file, render));
    if (loaded) findings.push(...unmappedSecrets(file, known, input.configFile ?? 'deployforge.yml'));
    findings.push(...unpinnedActions(file, ownRepos));
    findings.push(...expressionInRun(file));
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
