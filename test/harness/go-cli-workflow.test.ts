// Issue 17.4 for examples/go-cli: its generated release.yml, executed. Go is not installed on our
// machines (nor on the CI machine), so every runner's `go` is a stand-in that writes a labelled
// script where `go build -o` would write the binary; everything after the build step is real.
import { describeReleaseScenarios } from './release-scenarios.js';

describeReleaseScenarios({ dir: 'go-cli', repository: 'acme/hello-forge-go', targets: ['linux-x64', 'macos-arm64', 'windows-x64'] });
