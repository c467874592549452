import type { DeployforgeConfig } from '@deployforge/config';
import type { PypiSettings } from './pypi-settings.js';

/**
 * Core metadata 2.1 (the newest version every installer and `twine` in the field reads; 2.2+
 * adds nothing a binary-only wheel needs). Header values are single lines: a newline in a config
 * value would start a header of its own, so it is folded into a space.
 */
export function renderWheelMetadata(config: DeployforgeConfig, settings: PypiSettings): string {
  const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const project = config.project;
  const summary = oneLine(project.description ?? `The ${settings.binary} command-line tool`);
  const headers: [string, string][] = [
    ['Metadata-Version', '2.1'],
    ['Name', settings.name],
    ['Version', settings.version],
    ['Summary', summary],
  ];
  if (project.homepage) headers.push(['Home-page', oneLine(project.homepage)]);
  if (project.license) headers.push(['License', oneLine(project.license)]);
  if (project.maintainer) headers.push(['Maintainer-email', oneLine(project.maintainer)]);
  if (project.homepage) headers.push(['Project-URL', `Homepage, ${oneLine(project.homepage)}`]);
  if (project.repository) {
    const source = `https://github.com/${project.repository}`;
    headers.push(['Project-URL', `Source, ${source}`], ['Project-URL', `Releases, ${source}/releases`]);
  }
  headers.push(['Description-Content-Type', 'text/markdown']);
  // A long description keeps `twine check` quiet and gives the PyPI page something to show.
  const body = [
    `# ${settings.name}`,
    '',
    summary,
    '',
    `This wheel installs the prebuilt \`${settings.binary}\` executable from the ${settings.version} release; it contains no Python code.`,
    '',
    '```',
    `pip install ${settings.name}`,
    `${settings.binary} --help`,
    '```',
    '',
  ].join('\n');
  return `${headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${body}`;
}

/**
 * The WHEEL file. `Root-Is-Purelib: false` because the payload is a platform binary: installers
 * then put the wheel into platlib, and the `.data/scripts` entry onto PATH.
 */
export function renderWheelFile(platformTag: string): string {
  return ['Wheel-Version: 1.0', 'Generator: deployforge', 'Root-Is-Purelib: false', `Tag: py3-none-${platformTag}`, ''].join('\n');
}
