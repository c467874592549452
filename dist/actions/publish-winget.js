import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  runPublishAction
} from "../chunks/chunk-YWRQI74B.js";
import "../chunks/chunk-VR2L6PLW.js";
import "../chunks/chunk-VJAFAEWP.js";
import "../chunks/chunk-DGOHO7Y2.js";
import "../chunks/chunk-V5RFTRSI.js";
import "../chunks/chunk-EJVT65YJ.js";
import "../chunks/chunk-EQ46ZNEL.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-JMZRCY2U.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-FCMBTW6L.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-QHCXEEQX.js";
import "../chunks/chunk-BVJFRNHR.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/publish-winget.ts
await runPublishAction("winget");
