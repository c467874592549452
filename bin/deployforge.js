#!/usr/bin/env node
// The npm `bin` entry: a shebang in front of the committed bundle (esbuild's banner would put the
// shebang into every chunk, so it lives here instead).
import '../dist/cli.js';
