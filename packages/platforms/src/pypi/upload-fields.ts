/**
 * The form fields of a legacy upload, read from the wheel's own METADATA so that what PyPI shows
 * and what pip installs can never disagree. Field names are the ones twine sends.
 */
export function uploadFields(metadata: string, wheel: { sha256: string }): [string, string][] {
  const split = metadata.indexOf('\n\n');
  const headerText = split === -1 ? metadata : metadata.slice(0, split);
  const description = split === -1 ? '' : metadata.slice(split + 2);
  const headers: [string, string][] = headerText
    .split('\n')
    .filter((line) => line.includes(': '))
    .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]);
  const get = (key: string) => headers.find(([k]) => k === key)?.[1];
  const fields: [string, string][] = [
    [':action', 'file_upload'],
    ['protocol_version', '1'],
    ['metadata_version', get('Metadata-Version') ?? '2.1'],
    ['name', get('Name') ?? ''],
    ['version', get('Version') ?? ''],
    ['filetype', 'bdist_wheel'],
    ['pyversion', 'py3'],
  ];
  const optional: [string, string][] = [
    ['summary', 'Summary'],
    ['home_page', 'Home-page'],
    ['license', 'License'],
    ['maintainer_email', 'Maintainer-email'],
    ['description_content_type', 'Description-Content-Type'],
  ];
  for (const [field, header] of optional) {
    const value = get(header);
    if (value !== undefined) fields.push([field, value]);
  }
  for (const [k, v] of headers) if (k === 'Project-URL') fields.push(['project_urls', v]);
  if (description) fields.push(['description', description]);
  fields.push(['sha256_digest', wheel.sha256]);
  return fields;
}
