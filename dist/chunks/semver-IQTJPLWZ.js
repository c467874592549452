
import{require_semver}from"./chunk-G73INLIE.js";import"./chunk-UEXM6PIH.js";import"./chunk-4K5HHAJF.js";export default require_semver();
