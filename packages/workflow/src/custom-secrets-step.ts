import { credentialInputName, type WorkflowSpoke } from './workflow-spokes.js';

/**
 * The publish step's `with:` and, for a custom entry, its `env:`. A custom command's secrets
 * (`platforms.custom.<name>.secrets`) are environment variables of the command, not inputs that
 * publish-custom declares: each is mapped as `NAME: ${{ secrets.NAME }}` into the step's env, where
 * the action hands exactly those names on to the command. Every other spoke keeps its inputs.
 */
export function customSecretsStep(spoke: WorkflowSpoke, inputs: Record<string, string>): { with: Record<string, string>; env?: Record<string, string> } {
  if (spoke.instance === undefined || spoke.credentials.length === 0) return { with: inputs };
  const withInputs = { ...inputs };
  const env: Record<string, string> = {};
  for (const { name } of spoke.credentials) {
    delete withInputs[credentialInputName(name)];
    env[name] = `\${{ secrets.${name} }}`;
  }
  return { with: withInputs, env };
}
