import type { ImageReference } from './image-reference.js';

/** Where a person can look at an image: the Docker Hub page, else the tag's manifest URL. */
export function imageUrl(ref: ImageReference, tag: string): string {
  if (ref.registry === 'docker.io') {
    const repo = ref.repository.startsWith('library/') ? `_/${ref.repository.slice('library/'.length)}` : `r/${ref.repository}`;
    return `https://hub.docker.com/${repo}/tags?name=${encodeURIComponent(tag)}`;
  }
  return `${ref.endpoint}/v2/${ref.repository}/manifests/${tag}`;
}
