
import{debug,error,group,info,warning}from"./chunk-VDIBU2NU.js";function createActionLogger(){let props=w=>w?.file?{file:w.file,...w.line?{startLine:w.line}:{},...w.column?{startColumn:w.column}:{}}:void 0;return{info:m=>info(m),warning:(m,w)=>warning(m,props(w)),error:(m,w)=>error(m,props(w)),debug:m=>debug(m),group:(title,fn)=>group(title,fn)}}export{createActionLogger};
