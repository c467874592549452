import { describe, expect, test } from 'vitest';
import { lineSplitter } from './prefix-lines.js';

function collect(chunks: (string | Buffer)[]): string[] {
  const lines: string[] = [];
  const splitter = lineSplitter((line) => lines.push(`[build linux-x64] ${line}`));
  for (const chunk of chunks) splitter.write(chunk);
  splitter.flush();
  return lines;
}

describe('lineSplitter (the build log prefixer)', () => {
  test('a line cut across two chunks is printed once, whole, with one prefix', () => {
    expect(collect(['   Compiling hello-fo', 'rge v0.1.0\nerror[E0308]: mismatched ', 'types\n'])).toEqual([
      '[build linux-x64]    Compiling hello-forge v0.1.0',
      '[build linux-x64] error[E0308]: mismatched types',
    ]);
  });

  test('output without a final newline is flushed at the end', () => {
    expect(collect(['done\nlast words'])).toEqual(['[build linux-x64] done', '[build linux-x64] last words']);
  });

  test('a multi-byte character split between chunks survives', () => {
    const bytes = Buffer.from('naïve ✓\n');
    const cut = bytes.indexOf(0xe2) + 1;
    expect(collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['[build linux-x64] naïve ✓']);
  });

  test('blank lines are dropped, CRLF and progress-bar carriage returns keep the final text', () => {
    expect(collect(['a\r\n\n  \n', '10%\r50%\r100%\n'])).toEqual(['[build linux-x64] a', '[build linux-x64] 100%']);
  });
});
