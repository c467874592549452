import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { generateNotes } from './generate-notes.js';

const config = (status: string) => parseConfig(`project: { name: demo }\n${status}`, 'deployforge.yml').config;

describe('generateNotes', () => {
  test('status.issues points at the monitor template of the generating release', () => {
    const notes = generateNotes(config('status: { issues: true }\n'), 'v9.8.7');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/status\.issues is kept by the monitor workflow/);
    expect(notes[0]).toContain('/blob/v9.8.7/workflows-templates/deployforge-monitor.yml');
  });

  test('nothing to say otherwise', () => {
    expect(generateNotes(config(''), 'v1.0.0')).toEqual([]);
    expect(generateNotes(config('status: { pages: true }\n'), 'v1.0.0')).toEqual([]);
  });
});
