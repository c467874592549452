/**
 * `brew audit` rejects descriptions that start with an article or end with a full stop and wants
 * them short; the project description is written for npm and PyPI, so it is trimmed to fit here
 * rather than making every user write a second one.
 */
export function formulaDescription(description: string | undefined, fallback: string): string {
  let desc = (description ?? fallback).trim().replace(/\s+/g, ' ');
  desc = desc.replace(/^(?:an?|the)\s+(?=\S)/i, '').replace(/\.+$/, '');
  desc = desc.charAt(0).toUpperCase() + desc.slice(1);
  return desc.length > 80 ? `${desc.slice(0, 79).trimEnd()}…` : desc;
}
