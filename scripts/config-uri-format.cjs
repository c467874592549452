// The `uri` format of deployforge.yml's schema in dist/'s precompiled validator (build-plugins.mjs).
// ajv-formats' full `uri` is one large RFC 3986 regex that V8 runs interpreted at first: about 3 ms
// for the first URL and 1 ms for each after, on every action's start (issue 20). Plain URLs, which
// is what configs hold, are accepted by a small regex whose every match the full one also
// accepts (test/architecture/config-uri-format.test.ts); anything else goes to the full check, so
// the format accepts exactly what Ajv with ajv-formats accepts in tests and tsx.
'use strict';
// Any scheme, an optional user (`ssh://aur@aur.archlinux.org/x.git`, `sparse+https://index.crates.io/`
// are as common in configs as http(s)), a registered name, a port and a path.
const PLAIN_HTTP_URL = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9\-._~!$&'()*+,;=]+@)?[a-z0-9\-._~]+(?::\d+)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@]*)*$/i;
exports.PLAIN_HTTP_URL = PLAIN_HTTP_URL;
exports.uri = (str) => PLAIN_HTTP_URL.test(str) || require('ajv-formats/dist/formats').fullFormats.uri(str);
