import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_api
} from "./chunk-CEXBYGHT.js";
import "./chunk-MQYSEEJS.js";
import "./chunk-KHUEQMTN.js";
import "./chunk-3BZQ6MWX.js";
import "./chunk-M5OUCAEA.js";
import "./chunk-EXBJN2G4.js";
export default require_api();
