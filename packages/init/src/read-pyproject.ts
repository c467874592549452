import { parse } from 'smol-toml';
import { isTable, stringAt, type ManifestFacts, type PythonBuildSystem } from './manifest-facts.js';

/**
 * Facts from a pyproject.toml's `[project]` table (PEP 621). The first `[project.scripts]` entry
 * is the command, and its target (`pkg.cli:main`) is what a bundled launcher must call.
 */
export function readPyproject(text: string): ManifestFacts {
  const doc = parse(text);
  const project = isTable(doc.project) ? doc.project : {};
  const scripts = isTable(project.scripts) ? Object.entries(project.scripts) : [];
  const [command, target] = scripts.find(([, t]) => typeof t === 'string') ?? [];
  const urls = isTable(project.urls) ? project.urls : {};
  return {
    name: stringAt(project, 'name'),
    packageName: stringAt(project, 'name'),
    description: stringAt(project, 'description'),
    license: pythonLicense(project.license),
    homepage: stringAt(urls, 'Homepage') ?? stringAt(urls, 'homepage') ?? stringAt(urls, 'Repository') ?? stringAt(urls, 'repository'),
    binary: command ?? stringAt(project, 'name'),
    version: stringAt(project, 'version'),
    entry: typeof target === 'string' ? target.replace(/\[.*\]/, '').replace(/\s+/g, '') : undefined,
    buildSystem: buildSystem(doc['build-system']),
  };
}

/**
 * Without a `[build-system]` table (or its `requires`), pip builds with setuptools' legacy
 * back-end and `setuptools>=40.8.0`, the default PEP 517 names for that case.
 */
function buildSystem(table: unknown): PythonBuildSystem {
  const requires = isTable(table) && Array.isArray(table.requires)
    ? table.requires.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim())
    : ['setuptools>=40.8.0'];
  return { requires, backend: stringAt(table, 'build-backend') };
}

/**
 * PEP 639 makes `license` an SPDX expression string; the older form is a table with `text` (free
 * text, used only when it looks like an id) or `file` (nothing to take).
 */
function pythonLicense(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  const text = stringAt(value, 'text');
  return text && /^[A-Za-z0-9.+-]+$/.test(text) ? text : undefined;
}
