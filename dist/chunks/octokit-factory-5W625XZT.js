
import{DEFAULT_GITHUB_API_URL,createGitHubClient,writePace}from"./chunk-AHLY4DXM.js";import"./chunk-NN22SB32.js";import"./chunk-VDIBU2NU.js";import"./chunk-4GJA3N4Y.js";import"./chunk-4K5HHAJF.js";export{DEFAULT_GITHUB_API_URL,createGitHubClient,writePace};
