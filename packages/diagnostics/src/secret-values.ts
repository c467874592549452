/**
 * The one answer to "which values in this environment are secrets", for every redactor at an
 * output boundary (the CLI's stdout/stderr, the actions' log, outputs and summary).
 *
 * By name, because the boundary sits below the code that knows the platforms: every credential of
 * the platform catalog ends in one of these words (test/canaries checks that against the catalog),
 * and so do GitHub's (`GITHUB_TOKEN`, `GH_TOKEN`, `ACTIONS_RUNTIME_TOKEN`), the GPG key and
 * passphrase names the docs suggest, webhook URLs, and the actions' inputs (`INPUT_TOKEN`,
 * `INPUT_NPM-TOKEN`, `INPUT_GITHUB-TOKEN`). By value, for what a name cannot tell: an armored
 * private key under any name.
 *
 * User names (`DOCKER_USERNAME`) are deliberately not secrets: they are part of image names and
 * URLs that outputs must carry intact; a credential built from one (`user:token`) is caught by
 * the token.
 */
const SECRET_NAME = /(?:^|_)(?:TOKEN|PAT|PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIALS?|KEY|APIKEY|WEBHOOK(?:_URL)?)$/;

/** `INPUT_NPM-TOKEN` → `NPM_TOKEN`: an action input carries the same secret as the variable it stands for. */
function normalizedName(name: string): string {
  return name.toUpperCase().replace(/^INPUT_/, '').replace(/[- ]/g, '_');
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(normalizedName(name));
}

const PRIVATE_KEY_ARMOR = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/** Every secret value in `env` (unordered, possibly with duplicates; the redactor ignores short ones). */
export function secretValues(env: Readonly<Record<string, string | undefined>>, extraNames: Iterable<string> = []): string[] {
  const extra = new Set([...extraNames].map(normalizedName));
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (isSecretName(name) || extra.has(normalizedName(name)) || PRIVATE_KEY_ARMOR.test(value)) values.push(value);
  }
  return values;
}
