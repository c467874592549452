import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  debug,
  error,
  group,
  info,
  setFailed,
  warning
} from "./chunk-ZHURFVS4.js";
import {
  ConfigurationError,
  describeValue,
  isConfigurationError
} from "./chunk-GMIJ6JCU.js";

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

// packages/actions/src/runtime/action-inputs.ts
function rawInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function stringInput(env, name, fallback = "") {
  const value = rawInput(env, name);
  return value === "" ? fallback : value;
}
function booleanInput(env, name, fallback) {
  const value = rawInput(env, name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw ConfigurationError.forInput(name, `expected true or false, got ${describeValue(value)}`);
}

// packages/actions/src/runtime/run-action.ts
async function runAction(name, body) {
  try {
    await body();
  } catch (error2) {
    if (isConfigurationError(error2)) {
      for (const d of error2.diagnostics) {
        error(`${d.path ? `${d.path}: ` : ""}${d.message}`, { title: "deployforge.yml", file: d.file, startLine: d.line, startColumn: d.column });
      }
      setFailed(error2.message);
      process.exitCode = 2;
      return;
    }
    const message = error2 instanceof Error ? error2.message : `non-Error thrown: ${String(error2)}`;
    setFailed(`${name} failed: ${message}`);
    if (error2 instanceof Error && error2.stack) debug(error2.stack);
  }
}

export {
  createActionLogger,
  stringInput,
  booleanInput,
  runAction
};
