import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { redactActionOutput } from './redacted-output.js';

const TOKEN = 'ghs_actionCanary0123456789abcdef';
const LATER = 'registered-later-0123456789';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('redactActionOutput', () => {
  test('log lines, annotations, setFailed, outputs and the summary are masked; ::add-mask:: reaches the runner intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-redacted-output-'));
    for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
    vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output'));
    vi.stubEnv('GITHUB_STEP_SUMMARY', join(dir, 'summary'));
    vi.stubEnv('INPUT_GITHUB-TOKEN', TOKEN);
    // What reaches the real stream: the filter calls this as the stream's own write.
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const output = redactActionOutput(process.env);
    try {
      core.info(`echo of your request:\nauthorization: token ${TOKEN}\n`);
      core.setSecret(LATER);
      core.error(`proxy said ${Buffer.from(`x-access-token:${LATER}`).toString('base64')}`);
      core.setOutput('detail', `failed: ${LATER} / ${TOKEN}`);
      await core.summary.addRaw(`| npm | failed | Authorization: Bearer ${encodeURIComponent(LATER)} |\n`).write();
      core.setFailed(`publish-npm failed: {"authorization":"token ${TOKEN}"}`);
      output.finish();
    } finally {
      output.stop();
      process.exitCode = undefined;
    }
    const log = written.join('');
    expect(log.split('\n').filter((l) => l.startsWith('::add-mask::'))).toEqual([`::add-mask::${LATER}`]);
    const shown = log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    const files = readFileSync(join(dir, 'output'), 'utf8') + readFileSync(join(dir, 'summary'), 'utf8');
    for (const text of [shown, files]) {
      expect(text).toContain('***');
      for (const secret of [TOKEN, LATER]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(encodeURIComponent(secret));
      }
      expect(text).not.toContain(Buffer.from(`x-access-token:${LATER}`).toString('base64'));
    }
    expect(shown).toContain('authorization: token ***');
    expect(files).toContain('failed: *** / ***');
  });
});
