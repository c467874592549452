import * as core from '@actions/core';
import type { Logger } from '@deployforge/diagnostics';

/** The library's Logger on top of @actions/core: annotations for problems, groups for noisy work. */
export function createActionLogger(): Logger {
  const props = (w?: { file?: string; line?: number; column?: number }): core.AnnotationProperties | undefined =>
    w?.file ? { file: w.file, ...(w.line ? { startLine: w.line } : {}), ...(w.column ? { startColumn: w.column } : {}) } : undefined;
  return {
    info: (m) => core.info(m),
    warning: (m, w) => core.warning(m, props(w)),
    error: (m, w) => core.error(m, props(w)),
    debug: (m) => core.debug(m),
    group: (title, fn) => core.group(title, fn),
  };
}
