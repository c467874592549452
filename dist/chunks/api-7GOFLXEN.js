
import{require_api}from"./chunk-QSOVKCBH.js";import"./chunk-VPTMYMOU.js";import"./chunk-5OU4AUHN.js";import"./chunk-K2U7DWT2.js";import"./chunk-G73INLIE.js";import"./chunk-UEXM6PIH.js";import"./chunk-4K5HHAJF.js";export default require_api();
