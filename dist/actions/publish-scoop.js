import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  runPublishAction
} from "../chunks/chunk-U4NVPPWO.js";
import "../chunks/chunk-4BL3TDDX.js";
import "../chunks/chunk-VJAFAEWP.js";
import "../chunks/chunk-7USNO5C3.js";
import "../chunks/chunk-DGOHO7Y2.js";
import "../chunks/chunk-IXC4AX4I.js";
import "../chunks/chunk-IFSZS47R.js";
import "../chunks/chunk-HMGMHLHJ.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-PJWG332M.js";
import "../chunks/chunk-ECGA253U.js";
import "../chunks/chunk-JMZRCY2U.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-RPWURHLO.js";
import "../chunks/chunk-HP2CLPCL.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-TEK667TX.js";
import "../chunks/chunk-BVJFRNHR.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/publish-scoop.ts
await runPublishAction("scoop");
