import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';

// scripts/build.mjs writes esbuild's output through finishOutputs (scripts/build-plugins.mjs):
// imports of Node built-ins become require() calls, wherever they stand, and the banner keeps only
// what a file uses
// (issue 20, start-up time). These check the rewrite on its own and by running rewritten files.
interface OutputFile { path: string; text: string; contents: Uint8Array }
interface BuildPlugins {
  BANNER: string;
  rewriteBuiltinImports(text: string): string;
  trimBanner(text: string): string;
  finishOutputs(files: OutputFile[]): Array<{ path: string; contents: Uint8Array }>;
}
let plugins: BuildPlugins;
let dir: string;
beforeAll(async () => {
  plugins = (await import(pathToFileURL(join(repoRoot, 'scripts/build-plugins.mjs')).href)) as BuildPlugins;
  dir = mkdtempSync(join(tmpdir(), 'deployforge-build-output-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string, text: string): OutputFile => ({ path, text, contents: Buffer.from(text) });
const textOf = (f: { contents: Uint8Array }): string => Buffer.from(f.contents).toString('utf8');

/** Writes `text` to a file of its own and runs it under this Node: what it prints, or its error. */
function run(name: string, text: string): { status: number | null; stdout: string; stderr: string } {
  writeFileSync(join(dir, name), text);
  return spawnSync(process.execPath, [join(dir, name)], { encoding: 'utf8' });
}

describe('built-in imports become require() calls', () => {
  it('rewrites named, renamed, default and namespace imports of built-ins, and leaves relative ones', () => {
    const body = 'import{a as b}from"./chunk.js";import{request as httpRequest,get}from"node:http";import fs from"fs";import*as path from"node:path";console.log(1);';
    const out = plugins.rewriteBuiltinImports(`${plugins.BANNER}\n${body}`);
    expect(out).toBe(`${plugins.BANNER}\nimport{a as b}from"./chunk.js";const{request:httpRequest,get}=require("node:http");const fs=require("fs");const path=require("node:path");console.log(1);`);
  });

  it('rewrites imports of built-ins that stand after other statements, hoisting the requires after the leading imports', () => {
    const text = `${plugins.BANNER}\nimport{a}from"./chunk.js";var x=1;import*as crypto from"crypto";x++;import{readFileSync as r}from"node:fs";`;
    expect(plugins.rewriteBuiltinImports(text)).toBe(
      `${plugins.BANNER}\nimport{a}from"./chunk.js";const crypto=require("crypto");const{readFileSync:r}=require("node:fs");var x=1;x++;`,
    );
  });

  it('leaves text that only looks like an import (in a string, a comment, a dynamic import) alone', () => {
    const text = `${plugins.BANNER}\nvar s='import*as c from"crypto";';/* import{x}from"node:fs"; */const m=await import("node:os");`;
    expect(plugins.rewriteBuiltinImports(text)).toBe(text);
  });

  it('leaves every file of an import cycle as it was', () => {
    const a = file('/x/a.js', `${plugins.BANNER}\nimport{b}from"./b.js";import{join}from"node:path";export const a=1;`);
    const b = file('/x/b.js', `${plugins.BANNER}\nimport{a}from"./a.js";export const b=2;`);
    const c = file('/x/c.js', `${plugins.BANNER}\nimport{join}from"node:path";export const c=join("p","q");`);
    const [outA, , outC] = plugins.finishOutputs([a, b, c]);
    expect(textOf(outA!)).toContain('import{join}from"node:path"');
    expect(textOf(outC!)).toContain('const{join}=require("node:path")');
  });

  it('a rewritten file runs and sees the same bindings (default is the module object)', () => {
    const body = 'import{request as r}from"node:http";import os from"node:os";const q=()=>p.join("a","b");import*as p from"node:path";console.log(typeof r,typeof os.EOL,q());';
    const [out] = plugins.finishOutputs([file(join(dir, 'ok.js'), `${plugins.BANNER}\n${body}`)]);
    const result = run('ok.js', textOf(out!));
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function string a/b');
  });
});

describe('the banner keeps only what the file uses', () => {
  it('drops it from a file that uses none of require, __filename, __dirname', () => {
    expect(plugins.trimBanner(`${plugins.BANNER}\nexport const x=1;`)).toBe('\nexport const x=1;');
  });

  it('keeps require alone, or __dirname with its fileURLToPath, and the line still opens with the createRequire import', () => {
    const withRequire = plugins.trimBanner(`${plugins.BANNER}\nconst m=require("node:os");`);
    expect(withRequire.split('\n')[0]).toBe("import { createRequire as __dfCreateRequire } from 'node:module'; const require = __dfCreateRequire(import.meta.url);");
    const withDirname = plugins.trimBanner(`${plugins.BANNER}\nconsole.log(__dirname);`).split('\n')[0]!;
    expect(withDirname.startsWith("import { createRequire as __dfCreateRequire } from 'node:module';")).toBe(true);
    expect(withDirname).toContain('const __dirname =');
    expect(withDirname).not.toContain('const require =');
    expect(withDirname).not.toContain('const __filename =');
  });

  it('files it trimmed run', () => {
    const [a, b] = plugins.finishOutputs([
      file(join(dir, 'none.js'), `${plugins.BANNER}\nconsole.log("none");`),
      file(join(dir, 'dirname.js'), `${plugins.BANNER}\nimport{basename}from"node:path";console.log(basename(__dirname)===basename(${JSON.stringify(dir)}));`),
    ]);
    expect(run('none.js', textOf(a!)).stdout.trim()).toBe('none');
    const result = run('dirname.js', textOf(b!));
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('true');
  });
});
