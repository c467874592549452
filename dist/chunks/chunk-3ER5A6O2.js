
import{setSecret}from"./chunk-VDIBU2NU.js";function maskSecret(value){if(setSecret(value),!!/[\r\n]/.test(value))for(let line of value.split(/\r?\n/)){let text=line.trim();text.length>=8&&!text.startsWith("-----")&&setSecret(text)}}export{maskSecret};
