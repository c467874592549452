import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  debug,
  error,
  group,
  info,
  warning
} from "./chunk-HP2CLPCL.js";

// packages/actions/src/runtime/action-logger.ts
function createActionLogger() {
  const props = (w) => w?.file ? { file: w.file, ...w.line ? { startLine: w.line } : {}, ...w.column ? { startColumn: w.column } : {} } : void 0;
  return {
    info: (m) => info(m),
    warning: (m, w) => warning(m, props(w)),
    error: (m, w) => error(m, props(w)),
    debug: (m) => debug(m),
    group: (title, fn) => group(title, fn)
  };
}

export {
  createActionLogger
};
