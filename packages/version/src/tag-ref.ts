import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { parseVersionInput } from './parse-version-input.js';
import type { ResolvedVersion } from './resolved-version.js';

/**
 * The version of a tag push: `refs/tags/<prefix><semver>` (GITHUB_REF), or a bare tag name (what a
 * local run passes). Branch and pull-request refs are refused: they mean the workflow was started
 * by something other than a tag, and guessing a version there publishes the wrong thing.
 */
export function versionFromRef(ref: string | undefined, tagPrefix: string, configFile = 'deployforge.yml'): ResolvedVersion {
  const example = `refs/tags/${tagPrefix}1.2.3`;
  const why = `version.from is "tag" in ${configFile}`;
  if (ref === undefined || ref === '') {
    throw new ConfigurationError(
      `no tag to take the version from: ${why}, but this run was not started by a tag push. ` +
        `Push a tag like ${example}, or give the version explicitly (dispatch input "version", or --version).`,
    );
  }
  let tag = ref;
  if (ref.startsWith('refs/tags/')) {
    tag = ref.slice('refs/tags/'.length);
  } else if (ref.startsWith('refs/')) {
    throw ConfigurationError.forInput(
      'GITHUB_REF',
      `${describeValue(ref)} is not a tag; ${why}, so the run needs a tag ref like ${example} ` +
        `(or an explicit version: dispatch input "version", or --version)`,
    );
  }
  if (!tag.startsWith(tagPrefix)) {
    throw ConfigurationError.forInput(
      'GITHUB_REF',
      `tag ${describeValue(tag)} does not start with the tag prefix ${JSON.stringify(tagPrefix)} ` +
        `(version.tag-prefix in ${configFile}); expected a tag ref like ${example}`,
    );
  }
  return parseVersionInput(tag, { tagPrefix, origin: `tag ${describeValue(tag)}`, source: 'tag' });
}
