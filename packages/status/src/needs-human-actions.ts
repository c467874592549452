/**
 * What a person must do when a platform reports needs-human, per platform. The spoke's detail says
 * what happened; this says who acts where, and that a re-run converges afterwards.
 */
const ACTIONS: Record<string, string> = {
  chocolatey: 'Wait for Chocolatey moderation (or answer the moderator on the package page); nothing needs re-running once it is approved.',
  winget: 'Review the pull request on microsoft/winget-pkgs and answer the moderators; the first version of a package is always reviewed by hand.',
  flathub: 'Follow the Flathub submission pull request through review; the first submission of an app is reviewed by hand.',
  homebrew: 'Merge the formula pull request on the tap.',
  snap: 'Renew SNAPCRAFT_STORE_CREDENTIALS (snapcraft export-login) or answer the Snap Store review, then re-run this platform.',
  vscode: 'Check the extension on the Marketplace / Open VSX publisher page (a new publisher or namespace needs verifying), then re-run this platform.',
  aur: 'Check the AUR package page (ownership or a disowned package needs a person), then re-run this platform.',
};

export function needsHumanAction(key: string): string {
  const platform = key.startsWith('custom:') ? 'custom' : key;
  return ACTIONS[platform] ?? 'Do what the detail says, then re-run the workflow for this platform (workflow_dispatch with platforms set to it).';
}

/** The dispatch that re-runs just these platforms once the person has acted. */
export function rerunHint(keys: readonly string[], version: string): string {
  return `Then re-run only these: workflow_dispatch with version \`${version}\` and platforms \`${keys.join(',')}\`.`;
}
