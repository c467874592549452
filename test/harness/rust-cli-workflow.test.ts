// Issue 17.4 for examples/rust-cli: its generated release.yml, executed. The ubuntu runner builds
// linux-x64 with this machine's real cargo; macOS and Windows have stand-in toolchains.
import { describeReleaseScenarios } from './release-scenarios.js';

describeReleaseScenarios({ dir: 'rust-cli', repository: 'acme/hello-forge', targets: ['linux-x64', 'macos-arm64', 'windows-x64'] });
