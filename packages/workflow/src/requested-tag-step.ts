import type { Step } from './workflow-types.js';

/** The id of the step below; the plan job checks out `steps.<id>.outputs.ref`. */
export const REQUESTED_TAG_STEP_ID = 'requested-tag';

/** What the plan job checks out: the ref the step below validated. */
export const REQUESTED_TAG_REF = `\${{ steps.${REQUESTED_TAG_STEP_ID}.outputs.ref }}`;

// The plan validates the version fully (build-matrix); this only has to keep anything that is not
// version-shaped away from git, and accept what the plan accepts: the tag form (v1.2.3) as well as
// the bare version. Dispatch inputs reach the script through env, never through `${{ }}` in `run:`.
// The raw input is not echoed: a workflow command (`::…`) hidden in it would be run by the runner.
const SCRIPT = [
  'set -euo pipefail',
  'if [ "$GITHUB_EVENT_NAME" != workflow_dispatch ]; then',
  '  echo "ref=$GITHUB_REF" >> "$GITHUB_OUTPUT"',
  '  exit 0',
  'fi',
  'version="$DEPLOYFORGE_VERSION_INPUT"',
  '# The tag form is accepted too: the prefix is stripped once, as the plan does.',
  'case "$version" in "$DEPLOYFORGE_TAG_PREFIX"?*) version="${version#"$DEPLOYFORGE_TAG_PREFIX"}" ;; esac',
  "semver='^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$'",
  'if ! [[ "$version" =~ $semver ]]; then',
  '  echo "::error title=Dispatch input version::version: not a valid version; expected a semantic version like 1.2.3 or 1.2.3-rc.1 (the tag form ${DEPLOYFORGE_TAG_PREFIX}1.2.3 is accepted too). Nothing was checked out or published."',
  '  exit 2',
  'fi',
  'echo "ref=refs/tags/${DEPLOYFORGE_TAG_PREFIX}${version}" >> "$GITHUB_OUTPUT"',
].join('\n');

/**
 * The plan job's first step: which tag to check out. A tag push checks out the pushed ref; a
 * dispatch checks out `refs/tags/<prefix><version>`, after checking the `version` input, so that
 * `v1.2.3` becomes `refs/tags/v1.2.3` (not `refs/tags/vv1.2.3`) and a malformed input stops here
 * with a message about the input instead of a git error from the checkout.
 */
export function requestedTagStep(tagPrefix: string): Step {
  return {
    name: 'Check the requested version',
    id: REQUESTED_TAG_STEP_ID,
    shell: 'bash',
    env: { DEPLOYFORGE_VERSION_INPUT: '${{ inputs.version }}', DEPLOYFORGE_TAG_PREFIX: tagPrefix },
    run: SCRIPT,
  };
}
