import type { PlatformContext, RenderedFile } from '../platform.js';
import { renderLauncher } from './launcher.js';
import { resolveNpmSettings, type NpmFlavor, type NpmSettings } from './npm-settings.js';
import { planNpmPackages, type NpmPackagePlan, type TargetPackage } from './package-plan.js';

/** Files whose mode in the tarball is executable. */
export const EXECUTABLE_MODE = 0o755;
export const FILE_MODE = 0o644;

/** The metadata every package shares, from `project`. */
function commonMetadata(ctx: PlatformContext): Record<string, unknown> {
  const p = ctx.config.project;
  const meta: Record<string, unknown> = {};
  if (p.license) meta.license = p.license;
  if (p.homepage) meta.homepage = p.homepage;
  else if (p.repository) meta.homepage = `https://github.com/${p.repository}#readme`;
  if (p.repository) {
    meta.repository = { type: 'git', url: `git+https://github.com/${p.repository}.git` };
    meta.bugs = { url: `https://github.com/${p.repository}/issues` };
  }
  return meta;
}

export function renderMainPackageJson(ctx: PlatformContext, settings: NpmSettings, plan: NpmPackagePlan): Record<string, unknown> {
  const version = ctx.version.version;
  return {
    name: plan.main.name,
    version,
    description: ctx.config.project.description ?? `${settings.binary}, prebuilt for ${plan.targets.length} platform(s)`,
    ...commonMetadata(ctx),
    bin: { [settings.binary]: `bin/${settings.binary}.js` },
    // Exact versions: the launcher must run the binary of this very release, never a newer one.
    optionalDependencies: Object.fromEntries(plan.targets.map((t) => [t.name, version])),
    files: ['bin/', 'README.md'],
    engines: { node: '>=14' },
  };
}

export function renderTargetPackageJson(ctx: PlatformContext, settings: NpmSettings, plan: NpmPackagePlan, t: TargetPackage): Record<string, unknown> {
  const { os, cpu, libc } = t.target.npm;
  // A static musl binary also runs on glibc systems. When it is the only Linux build for its CPU,
  // leave libc out so npm installs it on glibc machines too; with a glibc sibling, each gets its libc.
  const glibcSibling = plan.targets.some((o) => o !== t && o.target.npm.os === 'linux' && o.target.npm.cpu === cpu && o.target.npm.libc === 'glibc');
  const restrictLibc = libc === 'glibc' || (libc === 'musl' && glibcSibling);
  return {
    name: t.name,
    version: ctx.version.version,
    description: `The ${t.target.id} binary of ${plan.main.name}; install ${plan.main.name} instead of this package.`,
    ...commonMetadata(ctx),
    os: [os],
    cpu: [cpu],
    ...(libc && restrictLibc ? { libc: [libc] } : {}),
    files: [`bin/${t.binaryFile}`, 'README.md'],
    // Yarn PnP must unpack it: a binary cannot run from inside a zip.
    preferUnplugged: true,
  };
}

function mainReadme(ctx: PlatformContext, settings: NpmSettings, plan: NpmPackagePlan): string {
  const description = ctx.config.project.description ? `${ctx.config.project.description}\n\n` : '';
  const home = ctx.config.project.homepage ? `\nMore: ${ctx.config.project.homepage}\n` : '';
  return `# ${plan.main.name}\n\n${description}\`\`\`sh\nnpm install -g ${plan.main.name}\n${settings.binary} --help\n\`\`\`\n\n` +
    `Prebuilt binaries for: ${plan.targets.map((t) => t.target.id).join(', ')}. npm installs only the one for your ` +
    `machine (optional dependencies with os/cpu/libc), and nothing runs at install time, so \`--ignore-scripts\` works.\n${home}`;
}

function targetReadme(settings: NpmSettings, plan: NpmPackagePlan, t: TargetPackage): string {
  const onNpmjs = new URL(settings.registry).host === 'registry.npmjs.org';
  const main = onNpmjs ? `[${plan.main.name}](https://www.npmjs.com/package/${plan.main.name})` : `\`${plan.main.name}\``;
  return `# ${t.name}\n\nThe ${t.target.id} binary of ${main}. ` +
    `Install \`${plan.main.name}\`: it picks the right binary package for your machine.\n`;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The text files of every package, each under its package's folder (`shimmy/package.json`,
 * `shimmy-linux-x64/package.json`…). Pure. The binaries are not here: render does no I/O, so each
 * per-target package gets its binary from the verified release archive when its tarball is built.
 */
export function renderNpmFiles(ctx: PlatformContext, flavor: NpmFlavor): RenderedFile[] {
  const settings = resolveNpmSettings(ctx, flavor);
  const plan = planNpmPackages(ctx, settings);
  const files: RenderedFile[] = [];
  for (const t of plan.targets) {
    files.push({ path: `${t.dir}/package.json`, contents: json(renderTargetPackageJson(ctx, settings, plan, t)), mode: FILE_MODE });
    files.push({ path: `${t.dir}/README.md`, contents: targetReadme(settings, plan, t), mode: FILE_MODE });
  }
  files.push({ path: `${plan.main.dir}/package.json`, contents: json(renderMainPackageJson(ctx, settings, plan)), mode: FILE_MODE });
  files.push({ path: `${plan.main.dir}/README.md`, contents: mainReadme(ctx, settings, plan), mode: FILE_MODE });
  files.push({ path: `${plan.main.dir}/bin/${settings.binary}.js`, contents: renderLauncher(plan, settings.binary), mode: EXECUTABLE_MODE });
  return files;
}
