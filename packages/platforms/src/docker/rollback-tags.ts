/**
 * The tags rollback moves: the config's literal tags (`latest`, `stable`), i.e. those with no
 * placeholder. `{major}.{minor}` tags name a release line and stay where they are.
 */
export function rollbackTags(templates: readonly string[] | undefined): string[] {
  return (templates ?? ['{version}', 'latest']).filter((t) => !t.includes('{'));
}
