import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  setSecret
} from "./chunk-ZHURFVS4.js";

// packages/actions/src/runtime/mask-secret.ts
function maskSecret(value) {
  setSecret(value);
  if (!/[\r\n]/.test(value)) return;
  for (const line of value.split(/\r?\n/)) {
    const text = line.trim();
    if (text.length >= 8 && !text.startsWith("-----")) setSecret(text);
  }
}

export {
  maskSecret
};
