import type { Platform } from '../platform.js';
import { checkHuggingface } from './check.js';
import { publishHuggingface } from './publish.js';
import { renderHuggingface } from './render.js';
import { statusHuggingface } from './status.js';

/** Hugging Face Spaces: the configured folder, pushed so the Space's tree equals it. */
export const huggingfacePlatform: Platform = {
  id: 'huggingface',
  check: checkHuggingface,
  render: renderHuggingface,
  publish: publishHuggingface,
  status: statusHuggingface,
};
