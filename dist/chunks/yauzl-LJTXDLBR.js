
import{require_yauzl}from"./chunk-5OU4AUHN.js";import"./chunk-4K5HHAJF.js";export default require_yauzl();
