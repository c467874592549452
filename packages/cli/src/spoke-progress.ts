import type { SpokeOutcome } from '@deployforge/publish';
import type { CliIo } from './cli-io.js';

const ICON: Record<string, string> = { published: '✔', skipped: '○', 'dry-run': '◌', failed: '✖', 'needs-human': '⚑' };

/**
 * Live progress of the spokes: one line per spoke with its state and elapsed time, redrawn in
 * place on a terminal; plain start/end lines otherwise (CI logs, pipes, --json), so nothing is
 * lost when the output is not a TTY.
 */
export function createSpokeProgress(io: CliIo, options: { live: boolean }) {
  const started = new Map<string, number>();
  const done = new Map<string, SpokeOutcome>();
  const order: string[] = [];
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;

  const line = (key: string): string => {
    const outcome = done.get(key);
    if (outcome) return `${ICON[outcome.status] ?? '?'} ${key.padEnd(16)} ${outcome.status.padEnd(11)} ${(outcome['duration-ms'] / 1000).toFixed(1).padStart(5)}s  ${outcome.detail.split('\n')[0]?.slice(0, 100) ?? ''}`;
    const t = ((Date.now() - (started.get(key) ?? Date.now())) / 1000).toFixed(1);
    return `… ${key.padEnd(16)} ${'running'.padEnd(11)} ${t.padStart(5)}s`;
  };
  const redraw = () => {
    const text = order.map(line).join('\n');
    io.stderr(`${drawn > 0 ? `\x1b[${drawn}F\x1b[J` : ''}${text}\n`);
    drawn = order.length;
  };

  return {
    onEvent(event: { key: string; phase: 'start' } | { key: string; phase: 'end'; outcome: SpokeOutcome }) {
      if (!order.includes(event.key)) order.push(event.key);
      if (event.phase === 'start') started.set(event.key, Date.now());
      else done.set(event.key, event.outcome);
      if (options.live) {
        redraw();
        if (!timer && event.phase === 'start') timer = setInterval(redraw, 250);
      } else {
        io.stderr(`${event.phase === 'start' ? `  ${event.key}: started` : line(event.key)}\n`);
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
