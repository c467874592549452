/**
 * Turns a stream of output chunks into whole lines for a logger. A pipe delivers whatever bytes the
 * child wrote so far, so a chunk often ends mid-line (and a multi-byte character can be split across
 * two chunks): printing each chunk's pieces as lines cut the build's output apart, with a target
 * prefix in the middle of a compiler message. The partial last line waits for the next chunk, and
 * `flush` prints what is left when the stream ends.
 */
export function lineSplitter(emit: (line: string) => void): { write(chunk: Buffer | string): void; flush(): void } {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  const emitLines = (text: string) => {
    const lines = text.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) emitLine(line);
  };
  // Progress bars end lines with \r only: keep the last state of such a line, not the carriage returns.
  const emitLine = (line: string) => {
    const shown = line.endsWith('\r') ? line.slice(0, -1) : line;
    const last = shown.slice(shown.lastIndexOf('\r') + 1);
    if (last.trim() !== '') emit(last);
  };
  return {
    write(chunk) {
      emitLines(pending + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
    },
    flush() {
      const rest = pending + decoder.decode();
      pending = '';
      if (rest !== '') emitLine(rest);
    },
  };
}
