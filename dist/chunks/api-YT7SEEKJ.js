
import{require_api}from"./chunk-FGOHFLKM.js";import"./chunk-5OU4AUHN.js";import"./chunk-VPTMYMOU.js";import"./chunk-K2U7DWT2.js";import"./chunk-VM53HTBQ.js";import"./chunk-4K5HHAJF.js";export default require_api();
