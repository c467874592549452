import { readFileSync, writeFileSync } from 'node:fs';
import { createRedactor, secretValues } from '@deployforge/diagnostics';

/** What an action's boundary gives its body: the same masking, for text it writes elsewhere (status.json, the dashboard). */
export interface ActionRedaction {
  redact(text: string): string;
  /**
   * Mask what was written to the runner's files (outputs, job summary, state). The streams stay
   * filtered: a retry timer or a library may still log after the body has returned.
   */
  finish(): void;
  /** Stop filtering the streams (tests that run in-process). */
  stop(): void;
}

/** The runner's per-step files that @actions/core writes and the runner later shows or hands on. */
const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'] as const;

/** `::add-mask::` carries its value escaped as command data (`%25`, `%0D`, `%0A`). */
function unescapeCommandData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/**
 * The actions' one output boundary. @actions/core writes log lines, annotations and `setFailed`
 * to process.stdout, and outputs and the job summary to files; the runner masks registered
 * secrets in the log only, and only in their raw form. So: every line written to stdout/stderr is
 * redacted (secrets of the env, by name, in raw, URL-encoded and base64 forms, and any
 * Authorization header), every value registered with `core.setSecret` joins the secrets as it is
 * registered (its `::add-mask::` line itself must reach the runner unchanged), and at the end the
 * outputs and summary files are redacted in place before the runner reads them.
 *
 * Filtering the streams, rather than wrapping each core call, also covers what libraries print
 * and every call site an entry file adds later.
 */
export function redactActionOutput(env: NodeJS.ProcessEnv = process.env): ActionRedaction {
  const secrets = secretValues(env);
  let redact = createRedactor(secrets);
  const learn = (value: string): void => {
    if (secrets.includes(value)) return;
    secrets.push(value);
    redact = createRedactor(secrets);
  };
  const filterLines = (text: string): string =>
    text.split(/(?<=\n)/).map((line) => {
      if (!line.startsWith('::add-mask::')) return redact(line);
      learn(unescapeCommandData(line.slice('::add-mask::'.length).replace(/\r?\n$/, '')));
      return line;
    }).join('');

  const restore: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    const write = (chunk: unknown, ...rest: unknown[]): boolean => {
      const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
      const text = typeof chunk === 'string'
        ? (encoding && !/^utf-?8$/i.test(encoding) ? Buffer.from(chunk, encoding).toString('utf8') : chunk)
        : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : undefined;
      if (text === undefined) return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      const callback = rest.find((r) => typeof r === 'function');
      return (original as (...a: unknown[]) => boolean).call(stream, filterLines(text), 'utf8', ...(callback ? [callback] : []));
    };
    stream.write = write as typeof stream.write;
    restore.push(() => {
      stream.write = original;
    });
  }

  return {
    redact: (text) => redact(text),
    finish: () => {
      for (const name of RUNNER_FILES) {
        const path = env[name];
        if (!path) continue;
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          continue;
        }
        const masked = redact(text);
        if (masked !== text) writeFileSync(path, masked);
      }
    },
    stop: () => {
      for (const undo of restore) undo();
    },
  };
}
