
var SHA256SUMS_GPG_NAME="SHA256SUMS.asc",SHA256SUMS_SIGSTORE_NAME="SHA256SUMS.sigstore.json";function provenanceBundleName(projectName,version){return`${projectName}-${version}.sigstore.json`}function isSignatureFile(name){return/\.(?:asc|sig|sigstore|sigstore\.json)$/.test(name)}export{SHA256SUMS_GPG_NAME,SHA256SUMS_SIGSTORE_NAME,provenanceBundleName,isSignatureFile};
