/**
 * The one logging seam. The CLI prints to stderr, the actions map onto @actions/core (annotations,
 * groups), tests collect lines. Library code never writes to the console directly, so that
 * `--json` keeps stdout clean and secrets are masked in one place.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string, where?: { file?: string; line?: number; column?: number }): void;
  error(message: string, where?: { file?: string; line?: number; column?: number }): void;
  debug(message: string): void;
  /** Run `fn` inside a collapsible group (Actions) or under a heading (CLI). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** A logger that keeps every line, for tests and for building summaries. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
  };
}
