import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  runPublishAction
} from "../chunks/chunk-T3DO3BIS.js";
import "../chunks/chunk-PAQV5OP6.js";
import "../chunks/chunk-VJAFAEWP.js";
import "../chunks/chunk-DGOHO7Y2.js";
import "../chunks/chunk-HT67OYIL.js";
import "../chunks/chunk-YYNJCSAI.js";
import "../chunks/chunk-PYQ6BCLX.js";
import "../chunks/chunk-LEOGON56.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-KHUEQMTN.js";
import "../chunks/chunk-JMZRCY2U.js";
import "../chunks/chunk-ZHURFVS4.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-7MAI2M42.js";
import "../chunks/chunk-GMIJ6JCU.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/publish-vscode.ts
await runPublishAction("vscode");
