/**
 * Upper bounds on what a deployforge.yml may ask for. Two kinds:
 *
 * - GitHub's own limits (docs.github.com/actions/reference/limits): a workflow run that would break
 *   them is cancelled by GitHub after the tag is pushed, which is far too late to learn about it.
 * - Bounds of our own that keep hostile or runaway input cheap to refuse: a config is a few kilobytes;
 *   a file of megabytes, or a YAML alias that expands without end, is refused before any real work.
 *
 * Each is documented in docs/configuration.md (from the schema's description) and named in the error
 * that enforces it, so a user who reaches one knows which one and why.
 */

/** deployforge.yml is read whole into memory; a real one is a few kilobytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Nodes a document may reach through aliases (`*name`), counting each expansion in full. Generous for
 * any real reuse of a block, and far below what a "billion laughs" chain of aliases expands to.
 */
export const MAX_ALIAS_EXPANSION_NODES = 10_000;

/** GitHub: "a job matrix can generate a maximum of 256 jobs per workflow run"; it counts every job. */
export const GITHUB_MAX_JOBS_PER_RUN = 256;

/**
 * GitHub: "a workflow file larger than 500 KB will not start runs". Counted in bytes, and read as
 * 500,000 rather than 512,000, so that a file we accept is never one GitHub refuses.
 */
export const GITHUB_MAX_WORKFLOW_BYTES = 500_000;

/** GitHub: at most 256 combinations in one job's matrix (here: build, one leg per target). */
export const GITHUB_MAX_MATRIX_COMBINATIONS = 256;

/**
 * Custom spokes, each its own publish job: what is left of GitHub's 256 jobs once plan, eight build
 * legs, sign, release and summarize have theirs (244), rounded down. The job count itself is checked
 * too, since other platforms and targets share the same 256. Past this, one entry's `run` command
 * deploys to several places.
 */
export const MAX_CUSTOM_SPOKES = 240;

/** `build.files`: copied into every archive of every target; more than this is a folder to copy, not a list. */
export const MAX_BUILD_FILES = 200;
