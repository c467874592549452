
import{require_semver}from"./chunk-VM53HTBQ.js";import"./chunk-4K5HHAJF.js";export default require_semver();
