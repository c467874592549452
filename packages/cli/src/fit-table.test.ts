import { describe, expect, test } from 'vitest';
import { fitTable, outputWidth, wrapText } from './fit-table.js';

const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('fitTable', () => {
  const header = ['target', 'runner', 'triple', 'archive'];
  const rows = [
    ['linux-x64', 'ubuntu-latest', 'x86_64-unknown-linux-gnu', 'tool-1.2.3-linux-x64.tar.gz'],
    ['windows-arm64', 'windows-11-arm', 'aarch64-pc-windows-msvc', 'tool-1.2.3-windows-arm64.zip'],
  ];

  test('a table that fits is printed as it is', () => {
    const text = fitTable(header, rows, 200);
    expect(text.split('\n')).toHaveLength(4);
    expect(text.split('\n')[0]).toBe('target         runner          triple                    archive');
  });

  test('too wide: the last column wraps onto continuation lines, the rest stays whole', () => {
    const text = fitTable(header, rows, 80);
    expect(longest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain('x86_64-unknown-linux-gnu');
    expect(text.replace(/\s+/g, '')).toContain('tool-1.2.3-windows-arm64.zip');
  });

  test('far too wide: stacked tables, each led by the first column, every cell whole', () => {
    const text = fitTable(header, rows, 50);
    expect(longest(text)).toBeLessThanOrEqual(50);
    const parts = text.split('\n\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.startsWith('target')).toBe(true);
    for (const cell of rows.flat()) expect(text).toContain(cell);
  });

  test('wrapText breaks at spaces, and mid-word only when it must', () => {
    expect(wrapText('one two three', 8)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  test('the width: $COLUMNS, else the terminal, else 80', () => {
    expect(outputWidth({ COLUMNS: '120' }, false)).toBe(120);
    expect(outputWidth({}, false)).toBe(80);
    expect(outputWidth({ COLUMNS: 'wide' }, false)).toBe(80);
  });
});
