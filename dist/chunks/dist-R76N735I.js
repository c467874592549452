
import{TomlDate,TomlError,dist_default,parse,stringify}from"./chunk-CIGWEV4F.js";import"./chunk-4K5HHAJF.js";export{TomlDate,TomlError,dist_default as default,parse,stringify};
