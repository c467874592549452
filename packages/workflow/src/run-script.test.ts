import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.js';

describe('runScript', () => {
  it('ends build.command in exactly one newline, whether written inline or as a YAML block', () => {
    expect(runScript('cargo build --release')).toBe('cargo build --release\n');
    expect(runScript('a=1\necho "$a"\n')).toBe('a=1\necho "$a"\n');
  });

  it('so a block command stays a plain `|` block in the workflow, not `|+`', () => {
    expect(stringify({ run: runScript('a=1\necho "$a"\n') })).toBe('run: |\n  a=1\n  echo "$a"\n');
  });
});
