import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  spokeKeys
} from "./chunk-PYQ6BCLX.js";
import {
  PLATFORMS
} from "./chunk-LEOGON56.js";
import {
  require_dist
} from "./chunk-JMZRCY2U.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/workflow/src/plan-outputs.ts
var PLAN_OUTPUT_NAMES = ["version", "tag", "prerelease", "matrix", "plan", "release-needed", "build-needed"];
function planOutputs(plan, config) {
  const running = plan.spokes.filter((s) => s.run);
  const publishMatrix = {
    include: running.map((s) => ({ key: s.key, platform: s.platform, "job-id": s.jobId, environment: s.environment }))
  };
  const outputs = {
    version: plan.version.version,
    tag: plan.version.tag,
    prerelease: String(plan.version.prerelease),
    matrix: JSON.stringify(plan.matrix),
    plan: JSON.stringify(plan),
    "release-needed": String(plan.release.run),
    "build-needed": String(plan.build.run),
    "build-command": config.build?.command ?? "",
    "build-path": config.build?.path ?? "",
    "build-files": (config.build?.files ?? []).join("\n"),
    "publish-matrix": JSON.stringify(publishMatrix),
    "publish-needed": String(running.length > 0)
  };
  for (const spoke of plan.spokes) outputs[spoke.jobId] = String(spoke.run);
  return outputs;
}

// packages/workflow/src/pinned-actions.ts
var PINNED_ACTIONS = {
  checkout: { repo: "actions/checkout", sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", version: "v7.0.1" },
  uploadArtifact: { repo: "actions/upload-artifact", sha: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", version: "v7.0.0" },
  downloadArtifact: { repo: "actions/download-artifact", sha: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", version: "v8.0.1" },
  setupNode: { repo: "actions/setup-node", sha: "820762786026740c76f36085b0efc47a31fe5020", version: "v7.0.0" },
  attestBuildProvenance: { repo: "actions/attest-build-provenance", sha: "a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32", version: "v4.1.0" },
  cosignInstaller: { repo: "sigstore/cosign-installer", sha: "6f9f17788090df1f26f669e9d70d6ae9567deba6", version: "v4.1.2" }
};
function pinnedUses(action) {
  return `${action.repo}@${action.sha}`;
}
function pinnedVersionComment(uses) {
  return Object.values(PINNED_ACTIONS).find((a) => uses === pinnedUses(a))?.version;
}
var FULL_SHA = /^[0-9a-f]{40}$/;

// packages/workflow/src/checkout-step.ts
function checkoutStep(ref, name = "Check out the release tag") {
  return {
    name,
    uses: pinnedUses(PINNED_ACTIONS.checkout),
    with: { ref, "persist-credentials": false }
  };
}

// packages/workflow/src/job-conditions.ts
var BUILD_IF = "needs.plan.outputs.build-needed == 'true'";
var RELEASE_IF = "needs.plan.outputs.release-needed == 'true' && needs.build.result == 'success'";
function publishIf(jobId) {
  return `always() && needs.plan.result == 'success' && (needs.release.result == 'success' || (needs.release.result == 'skipped' && needs.plan.outputs.release-needed == 'false')) && needs.plan.outputs.${jobId} == 'true'`;
}
var SUMMARIZE_IF = "always()";
function requestedTagRef(tagPrefix) {
  return `\${{ github.event_name == 'workflow_dispatch' && format('refs/tags/${tagPrefix}{0}', inputs.version) || github.ref }}`;
}
var PLANNED_TAG_REF = "${{ format('refs/tags/{0}', needs.plan.outputs.tag) }}";
function concurrencyGroup(tagPrefix) {
  return `deployforge-release-\${{ inputs.version && format('${tagPrefix}{0}', inputs.version) || github.ref_name }}`;
}
var INPUT_EXPRESSIONS = {
  version: "${{ inputs.version }}",
  platforms: "${{ inputs.platforms || 'all' }}",
  force: "${{ inputs.force == true }}",
  "dry-run": "${{ inputs.dry-run == true }}"
};

// packages/workflow/src/package-script.ts
var PACKAGE_SCRIPT = `set -euo pipefail
bin="$DEPLOYFORGE_BINARY_PATH"
for var in DEPLOYFORGE_TARGET DEPLOYFORGE_RUST_TARGET DEPLOYFORGE_VERSION GOOS GOARCH; do
  bin="\${bin//"\\\${$var}"/"\${!var}"}"
done
# build.path never carries .exe (the same path serves every target); Windows builds add it.
if [ ! -f "$bin" ] && [ -f "$bin.exe" ]; then bin="$bin.exe"; fi
if [ ! -f "$bin" ]; then
  echo "::error title=DeployForge::build.path: no file at $bin after the build command"
  exit 1
fi
stage="$RUNNER_TEMP/deployforge-stage/$DEPLOYFORGE_TARGET"
rm -rf "$stage"
mkdir -p "$stage" deployforge-archives
cp "$bin" "$stage/$DEPLOYFORGE_BINARY"
chmod +x "$stage/$DEPLOYFORGE_BINARY"
while IFS= read -r file; do
  if [ -n "$file" ]; then cp -R "$file" "$stage/"; fi
done <<< "$DEPLOYFORGE_FILES"
out="$PWD/deployforge-archives/$DEPLOYFORGE_ARCHIVE"
case "$DEPLOYFORGE_ARCHIVE_FORMAT" in
  tar.gz) tar -C "$stage" -czf "$out" . ;;
  zip)
    # Windows runners ship 7-Zip; elsewhere fall back to bsdtar's zip writer.
    if command -v 7z >/dev/null 2>&1; then (cd "$stage" && 7z a -tzip -bd "$out" . >/dev/null)
    else (cd "$stage" && tar -a -cf "$out" -- *); fi ;;
  *) echo "::error title=DeployForge::unknown archive format $DEPLOYFORGE_ARCHIVE_FORMAT"; exit 1 ;;
esac
echo "packaged $DEPLOYFORGE_ARCHIVE from $bin"
`;

// packages/workflow/src/build-job.ts
var ARCHIVE_ARTIFACT_PREFIX = "deployforge-archive-";
var MATRIX_ENV = {
  DEPLOYFORGE_TARGET: "${{ matrix.target }}",
  DEPLOYFORGE_RUST_TARGET: "${{ matrix.rust-target }}",
  GOOS: "${{ matrix.goos }}",
  GOARCH: "${{ matrix.goarch }}",
  DEPLOYFORGE_VERSION: "${{ needs.plan.outputs.version }}"
};
function buildJob(config, file, locate) {
  const command = config.build?.command;
  const path = config.build?.path;
  for (const [key, value] of [["command", command], ["path", path]]) {
    if (value === void 0) {
      const at = locate(["build"]);
      throw ConfigurationError.fromDiagnostics([{
        file,
        line: at.line,
        column: at.column,
        path: `build.${key}`,
        message: key === "command" ? 'the release workflow needs the command that builds one target (for example: cargo build --release --target "$DEPLOYFORGE_RUST_TARGET")' : "the release workflow needs where the built binary lands (for example: target/${DEPLOYFORGE_RUST_TARGET}/release/<name>)"
      }]);
    }
  }
  return buildJobWith({
    build: { name: "Build", shell: "bash", env: { ...MATRIX_ENV }, run: `${command}
` },
    binaryPath: path ?? "",
    files: (config.build?.files ?? []).join("\n")
  });
}
function buildJobWith(spec) {
  return {
    name: "build ${{ matrix.target }}",
    needs: "plan",
    if: BUILD_IF,
    "runs-on": "${{ matrix.runs-on }}",
    permissions: { contents: "read" },
    strategy: { "fail-fast": false, matrix: "${{ fromJSON(needs.plan.outputs.matrix) }}" },
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      spec.build,
      {
        name: "Package",
        shell: "bash",
        env: {
          ...MATRIX_ENV,
          DEPLOYFORGE_BINARY_PATH: spec.binaryPath,
          DEPLOYFORGE_BINARY: "${{ matrix.binary }}",
          DEPLOYFORGE_FILES: spec.files,
          DEPLOYFORGE_ARCHIVE: "${{ matrix.archive }}",
          DEPLOYFORGE_ARCHIVE_FORMAT: "${{ matrix.archive-format }}"
        },
        run: PACKAGE_SCRIPT
      },
      {
        name: "Upload the archive",
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        with: {
          name: `${ARCHIVE_ARTIFACT_PREFIX}\${{ matrix.target }}`,
          path: "deployforge-archives/${{ matrix.archive }}",
          "if-no-files-found": "error",
          // Already compressed: zipping it again only costs time.
          "compression-level": 0
        }
      }
    ]
  };
}

// packages/workflow/src/render-options.ts
var DEFAULT_ACTIONS_REPO = "deployforge/deployforge";
var DEFAULT_ACTIONS_REF = "v0";
var DEFAULT_CONFIG_PATH = "deployforge.yml";
var DEFAULT_WORKFLOW_PATH = ".github/workflows/release.yml";
function resolveRenderOptions(options = {}) {
  return {
    actionsRepo: options.actionsRepo ?? DEFAULT_ACTIONS_REPO,
    actionsRef: options.actionsRef ?? DEFAULT_ACTIONS_REF,
    configPath: options.configPath ?? DEFAULT_CONFIG_PATH,
    outputPath: options.outputPath ?? DEFAULT_WORKFLOW_PATH
  };
}
function ownAction(options, name) {
  return `${options.actionsRepo}/actions/${name}@${options.actionsRef}`;
}
function generateFlags(options) {
  const flags = [];
  if (options.configPath !== DEFAULT_CONFIG_PATH) flags.push("--config", options.configPath);
  if (options.outputPath !== DEFAULT_WORKFLOW_PATH) flags.push("--output", options.outputPath);
  if (options.actionsRepo !== DEFAULT_ACTIONS_REPO) flags.push("--actions-repo", options.actionsRepo);
  if (options.actionsRef !== DEFAULT_ACTIONS_REF) flags.push("--actions-ref", options.actionsRef);
  return flags;
}
function parseGenerateFlags(args) {
  const options = {};
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    if (value === void 0) break;
    switch (args[i]) {
      case "--config":
        options.configPath = value;
        i += 1;
        break;
      case "--output":
        options.outputPath = value;
        i += 1;
        break;
      case "--actions-repo":
        options.actionsRepo = value;
        i += 1;
        break;
      case "--actions-ref":
        options.actionsRef = value;
        i += 1;
        break;
      default:
        break;
    }
  }
  return options;
}
function shellWord(word) {
  return /^[A-Za-z0-9._/@:=+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

// packages/workflow/src/workflow-spokes.ts
function workflowSpokes(loaded) {
  const { config, enabledPlatforms } = loaded;
  const defaultEnvironment = config.workflow?.environment ?? "release";
  return spokeKeys(config, enabledPlatforms).map((s) => {
    const info = PLATFORMS[s.platform];
    const blocks = config.platforms;
    const block = s.instance ? config.platforms?.custom?.[s.instance] : blocks?.[s.platform];
    return {
      key: s.key,
      platform: s.platform,
      jobId: s.jobId,
      ...s.instance ? { instance: s.instance } : {},
      environment: block?.environment ?? defaultEnvironment,
      credentials: info.credentials,
      oidc: info.oidc
    };
  });
}
function credentialNames(spokes) {
  return [...new Set(spokes.flatMap((s) => s.credentials.map((c) => c.name)))].sort();
}
function credentialInputName(name) {
  return name.toLowerCase().replaceAll("_", "-");
}

// packages/workflow/src/plan-job.ts
function planJob({ options, spokes, tagPrefix, runsOn, signingSecrets = [] }) {
  const env = { DEPLOYFORGE_REF: requestedTagRef(tagPrefix) };
  const secrets = [...credentialNames(spokes), ...signingSecrets];
  for (const name of new Set(secrets)) env[`DEPLOYFORGE_HAS_${name}`] = `\${{ secrets.${name} != '' }}`;
  if (spokes.some((s) => s.oidc)) env.DEPLOYFORGE_HAS_OIDC = "true";
  const outputs = {};
  for (const name of [...PLAN_OUTPUT_NAMES, ...spokes.map((s) => s.jobId)]) {
    outputs[name] = `\${{ steps.plan.outputs.${name} }}`;
  }
  return {
    name: "plan",
    "runs-on": runsOn,
    permissions: { contents: "read" },
    outputs,
    env,
    steps: [
      checkoutStep("${{ env.DEPLOYFORGE_REF }}"),
      {
        name: "Plan the release",
        id: "plan",
        uses: ownAction(options, "build-matrix"),
        with: {
          config: options.configPath,
          version: INPUT_EXPRESSIONS.version,
          platforms: INPUT_EXPRESSIONS.platforms,
          force: INPUT_EXPRESSIONS.force,
          "dry-run": INPUT_EXPRESSIONS["dry-run"]
        }
      }
    ]
  };
}

// packages/workflow/src/archive-attestation.ts
function attestationEnabled(config) {
  return config.release?.attest === true;
}
function attestationBundleName(projectName, version) {
  return `${projectName}-${version}.sigstore.json`;
}
var NOT_DRY_RUN = "inputs.dry-run != true";
function attestationFailedNotice(what) {
  return `echo "::notice::no ${what}: attesting failed (private repositories need GitHub Enterprise Cloud for artifact attestations); the release goes on without it. Set release.attest: false to skip this step."
`;
}
function archiveAttestationSteps(config, signedDir) {
  if (!attestationEnabled(config)) return [];
  return [
    {
      name: "Attest build provenance",
      id: "attest",
      if: NOT_DRY_RUN,
      uses: pinnedUses(PINNED_ACTIONS.attestBuildProvenance),
      // Names in SHA256SUMS are the release asset names: they become the attestation's subjects.
      with: { "subject-checksums": `${signedDir}/SHA256SUMS` },
      "continue-on-error": true
    },
    {
      name: "Attach the provenance bundle to the release",
      if: "steps.attest.outcome == 'success'",
      shell: "bash",
      env: {
        DEPLOYFORGE_SIGNED: signedDir,
        DEPLOYFORGE_BUNDLE_NAME: attestationBundleName(config.project.name, "${{ needs.plan.outputs.version }}"),
        DEPLOYFORGE_BUNDLE: "${{ steps.attest.outputs.bundle-path }}"
      },
      run: 'cp "$DEPLOYFORGE_BUNDLE" "$DEPLOYFORGE_SIGNED/$DEPLOYFORGE_BUNDLE_NAME"\n'
    },
    {
      name: "Explain a missing provenance bundle",
      if: "steps.attest.outcome == 'failure'",
      shell: "bash",
      run: attestationFailedNotice("build provenance")
    }
  ];
}

// packages/workflow/src/image-signing-steps.ts
var IMAGE_PUBLISHED_IF = `steps.publish.outputs.status == 'published' && ${NOT_DRY_RUN}`;
var PUBLISHED_IMAGES = "${{ steps.publish.outputs.images }}";
var PUBLISHED_DIGEST = "${{ steps.publish.outputs.digest }}";
function signsImages(config) {
  return config.platforms?.docker?.sign === true;
}
function imageSigningEnabled(config) {
  return attestationEnabled(config) || signsImages(config);
}
function imageSigningPermissions(config) {
  const permissions = {};
  if (imageSigningEnabled(config)) permissions["id-token"] = "write";
  if (attestationEnabled(config)) permissions.attestations = "write";
  return permissions;
}
var SPLIT_IMAGES = [
  "n=0",
  "while IFS= read -r image; do",
  '  [ -n "$image" ] || continue',
  '  echo "image-$n=$image" >> "$GITHUB_OUTPUT"',
  "  n=$((n + 1))",
  'done <<< "$DEPLOYFORGE_IMAGES"',
  ""
].join("\n");
var REGISTRY_LOGIN = [
  "while IFS= read -r registry; do",
  '  [ -n "$registry" ] || continue',
  `  if [ -n "$DOCKER_USERNAME" ] && printf '%s' "$DOCKER_PASSWORD" | docker login "$registry" --username "$DOCKER_USERNAME" --password-stdin > /dev/null; then continue; fi`,
  `  if [ "$registry" = ghcr.io ] && printf '%s' "$GITHUB_TOKEN" | docker login ghcr.io --username "$GITHUB_ACTOR" --password-stdin > /dev/null; then continue; fi`,
  '  echo "::error::could not log in to $registry to attest or sign the image pushed there (DOCKER_USERNAME/DOCKER_PASSWORD refused)"',
  "  exit 1",
  `done < <(printf '%s\\n' "$DEPLOYFORGE_IMAGES" | cut -d/ -f1 | sort -u)`,
  ""
].join("\n");
var REGISTRY_LOGOUT = [
  "while IFS= read -r registry; do",
  '  [ -n "$registry" ] && docker logout "$registry" > /dev/null || true',
  `done < <(printf '%s\\n' "$DEPLOYFORGE_IMAGES" | cut -d/ -f1 | sort -u)`,
  ""
].join("\n");
var COSIGN_SIGN = [
  "while IFS= read -r image; do",
  '  [ -n "$image" ] || continue',
  // By digest: a tag can be moved to other bytes, the signature must name the bytes that were pushed.
  '  cosign sign --yes "$image@$DEPLOYFORGE_DIGEST"',
  'done <<< "$DEPLOYFORGE_IMAGES"',
  ""
].join("\n");
function imageSigningSteps(config) {
  if (!imageSigningEnabled(config)) return [];
  const imageCount = config.platforms?.docker?.images.length ?? 0;
  const login = {
    name: "Log in to the image registries",
    id: "registry-login",
    if: IMAGE_PUBLISHED_IF,
    shell: "bash",
    env: {
      DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES,
      DOCKER_USERNAME: "${{ secrets.DOCKER_USERNAME }}",
      DOCKER_PASSWORD: "${{ secrets.DOCKER_PASSWORD }}",
      GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}"
    },
    run: REGISTRY_LOGIN
  };
  const attest = attestationEnabled(config) ? [
    { name: "List the pushed images", id: "images", if: IMAGE_PUBLISHED_IF, shell: "bash", env: { DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES }, run: SPLIT_IMAGES },
    ...Array.from({ length: imageCount }, (_, n) => ({
      name: `Attest build provenance of image ${n + 1}`,
      id: `attest-image-${n}`,
      if: `${IMAGE_PUBLISHED_IF} && steps.images.outputs.image-${n} != ''`,
      uses: pinnedUses(PINNED_ACTIONS.attestBuildProvenance),
      with: {
        "subject-name": `\${{ steps.images.outputs.image-${n} }}`,
        "subject-digest": PUBLISHED_DIGEST,
        "push-to-registry": true
      },
      "continue-on-error": true
    })),
    {
      name: "Explain a missing image provenance",
      if: Array.from({ length: imageCount }, (_, n) => `steps.attest-image-${n}.outcome == 'failure'`).join(" || "),
      shell: "bash",
      run: attestationFailedNotice("image provenance")
    }
  ] : [];
  const sign = signsImages(config) ? [
    { name: "Install cosign", if: IMAGE_PUBLISHED_IF, uses: pinnedUses(PINNED_ACTIONS.cosignInstaller) },
    {
      name: "Sign the pushed images with cosign",
      if: IMAGE_PUBLISHED_IF,
      shell: "bash",
      env: { DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES, DEPLOYFORGE_DIGEST: PUBLISHED_DIGEST },
      run: COSIGN_SIGN
    }
  ] : [];
  const logout = {
    name: "Log out of the image registries",
    if: "always() && steps.registry-login.outcome != 'skipped'",
    shell: "bash",
    env: { DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES },
    run: REGISTRY_LOGOUT
  };
  return [login, ...attest, ...sign, logout];
}

// packages/workflow/src/publish-permissions.ts
function pushesToGhcr(config) {
  return (config.platforms?.docker?.images ?? []).some((image) => image.toLowerCase().startsWith("ghcr.io/"));
}
function publishPermissions(spoke, config) {
  const permissions = { contents: "read" };
  if (spoke.oidc) permissions["id-token"] = "write";
  if (spoke.platform === "github-packages" || spoke.platform === "docker" && pushesToGhcr(config)) {
    permissions.packages = "write";
  }
  if (spoke.platform === "docker") Object.assign(permissions, imageSigningPermissions(config));
  return permissions;
}

// packages/workflow/src/publish-job.ts
var NODE_PLATFORMS = /* @__PURE__ */ new Set(["npm", "github-packages", "vscode"]);
var PUBLISH_OUTPUTS = ["status", "url", "version", "detail", "duration-ms"];
function publishJob(spoke, config, options, runsOn) {
  const inputs = {
    config: options.configPath,
    ...spoke.instance ? { name: spoke.instance } : {},
    version: "${{ needs.plan.outputs.version }}",
    force: INPUT_EXPRESSIONS.force,
    "dry-run": INPUT_EXPRESSIONS["dry-run"],
    // Reads the release's assets (private repositories, rate limits); never writes with it.
    "github-token": "${{ secrets.GITHUB_TOKEN }}"
  };
  for (const credential of spoke.credentials) {
    inputs[credentialInputName(credential.name)] = `\${{ secrets.${credential.name} }}`;
  }
  const nodeVersion = config.workflow?.["node-version"];
  const setupNode = nodeVersion !== void 0 && NODE_PLATFORMS.has(spoke.platform) ? [{
    name: "Set up Node.js",
    uses: pinnedUses(PINNED_ACTIONS.setupNode),
    // setup-node turns on an npm cache by itself when package.json names npm; never here.
    with: { "node-version": String(nodeVersion), "package-manager-cache": false }
  }] : [];
  const snapTools = spoke.platform === "snap" ? [{ name: "Install squashfs-tools and snapcraft", shell: "bash", run: "sudo apt-get install -y --no-install-recommends squashfs-tools\nsudo snap install snapcraft --classic\n" }] : [];
  const action = spoke.instance ? "publish-custom" : `publish-${spoke.platform}`;
  return {
    name: `publish ${spoke.key}`,
    needs: ["plan", "release"],
    if: publishIf(spoke.jobId),
    "runs-on": runsOn,
    environment: spoke.environment,
    permissions: publishPermissions(spoke, config),
    outputs: Object.fromEntries(PUBLISH_OUTPUTS.map((o) => [o, `\${{ steps.publish.outputs.${o} }}`])),
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      ...setupNode,
      ...snapTools,
      { name: `Publish to ${spoke.key}`, id: "publish", uses: ownAction(options, action), with: inputs },
      ...spoke.platform === "docker" ? imageSigningSteps(config) : []
    ]
  };
}

// packages/workflow/src/sign-job.ts
var ARTIFACTS_DIR = "deployforge-artifacts";
var SIGNED_DIR = "deployforge-signed";
var SIGNED_ARTIFACT = "deployforge-signed";
function signJobNeeded(config) {
  return attestationEnabled(config) || config.release?.sign === true || config.release?.["gpg-key"] !== void 0;
}
function signPermissions(config) {
  const permissions = { contents: "read" };
  if (attestationEnabled(config) || config.release?.sign === true) permissions["id-token"] = "write";
  if (attestationEnabled(config)) permissions.attestations = "write";
  return permissions;
}
function gpgEnv(config) {
  const env = {};
  for (const name of [config.release?.["gpg-key"], config.release?.["gpg-passphrase"]]) {
    if (name !== void 0) env[name] = `\${{ secrets.${name} }}`;
  }
  return env;
}
function signJob(config, options, runsOn) {
  const env = gpgEnv(config);
  const environment = config.release?.["gpg-key"] !== void 0 ? { environment: config.workflow?.environment ?? "release" } : {};
  return {
    name: "sign",
    needs: ["plan", "build"],
    if: RELEASE_IF,
    "runs-on": runsOn,
    ...environment,
    permissions: signPermissions(config),
    steps: [
      // The SBOM reads the lockfile next to deployforge.yml, at the tag that was built.
      checkoutStep(PLANNED_TAG_REF),
      {
        name: "Download the archives",
        uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
        with: { pattern: `${ARCHIVE_ARTIFACT_PREFIX}*`, "merge-multiple": true, path: ARTIFACTS_DIR }
      },
      {
        name: "Prepare the SBOM, checksums and signatures",
        id: "prepare",
        uses: ownAction(options, "prepare-release"),
        with: {
          config: options.configPath,
          version: "${{ needs.plan.outputs.version }}",
          artifacts: ARTIFACTS_DIR,
          output: SIGNED_DIR,
          "dry-run": INPUT_EXPRESSIONS["dry-run"]
        },
        ...Object.keys(env).length > 0 ? { env } : {}
      },
      ...archiveAttestationSteps(config, SIGNED_DIR),
      {
        name: "Hand the signed files to the release job",
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        with: {
          name: SIGNED_ARTIFACT,
          path: SIGNED_DIR,
          "if-no-files-found": "error",
          // Read by the hub minutes later; the release itself keeps them.
          "retention-days": 1,
          // A re-run of this job replaces what an earlier attempt uploaded.
          overwrite: true
        }
      }
    ]
  };
}

// packages/workflow/src/release-job.ts
function releaseJob(config, options, runsOn) {
  const signed = signJobNeeded(config);
  const downloadSigned = signed ? [{
    name: "Download the SBOM, checksums and signatures",
    uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
    // By name: the files land directly in the folder, next to the archives.
    with: { name: SIGNED_ARTIFACT, path: ARTIFACTS_DIR }
  }] : [];
  return {
    name: "release",
    needs: signed ? ["plan", "build", "sign"] : ["plan", "build"],
    if: RELEASE_IF,
    "runs-on": runsOn,
    permissions: { contents: "write" },
    outputs: {
      "release-id": "${{ steps.release.outputs.release-id }}",
      "release-url": "${{ steps.release.outputs.release-url }}",
      // Summarize lists the assets with their checksums on the dashboard.
      tag: "${{ steps.release.outputs.tag }}",
      assets: "${{ steps.release.outputs.assets }}"
    },
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      {
        name: "Download the archives",
        uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
        with: { pattern: `${ARCHIVE_ARTIFACT_PREFIX}*`, "merge-multiple": true, path: ARTIFACTS_DIR }
      },
      ...downloadSigned,
      {
        name: "Create or complete the release",
        id: "release",
        uses: ownAction(options, "create-release"),
        with: {
          config: options.configPath,
          version: "${{ needs.plan.outputs.version }}",
          artifacts: ARTIFACTS_DIR,
          "dry-run": INPUT_EXPRESSIONS["dry-run"],
          token: "${{ secrets.GITHUB_TOKEN }}"
        }
      }
    ]
  };
}

// packages/workflow/src/serialize-workflow.ts
var import_yaml = __toESM(require_dist(), 1);
function serializeWorkflow(workflow, header) {
  const doc = new import_yaml.Document(workflow);
  doc.commentBefore = header;
  (0, import_yaml.visit)(doc, {
    Pair(_, pair) {
      if ((0, import_yaml.isScalar)(pair.key) && pair.key.value === "needs" && (0, import_yaml.isSeq)(pair.value)) pair.value.flow = true;
      if ((0, import_yaml.isScalar)(pair.key) && pair.key.value === "uses" && (0, import_yaml.isScalar)(pair.value) && typeof pair.value.value === "string") {
        const version = pinnedVersionComment(pair.value.value);
        if (version) pair.value.comment = ` ${version}`;
      }
    }
  });
  if ((0, import_yaml.isMap)(doc.contents)) {
    for (const top of doc.contents.items) {
      if (!(0, import_yaml.isPair)(top) || !(0, import_yaml.isScalar)(top.key)) continue;
      if (top !== doc.contents.items[0] && ["on", "permissions", "concurrency", "jobs"].includes(String(top.key.value))) {
        top.key.spaceBefore = true;
      }
      if (top.key.value === "jobs" && (0, import_yaml.isMap)(top.value)) {
        top.value.items.forEach((job, index) => {
          if (index > 0 && (0, import_yaml.isPair)(job) && (0, import_yaml.isScalar)(job.key)) job.key.spaceBefore = true;
        });
      }
    }
  }
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true, blockQuote: "literal", flowCollectionPadding: false });
}

// packages/workflow/src/summarize-job.ts
var STATUS_ARTIFACT = "deployforge-status";
var SUMMARY_REF = "${{ needs.plan.outputs.tag && format('refs/tags/{0}', needs.plan.outputs.tag) || github.sha }}";
function summarizeJob(publishJobIds, options, runsOn, graph = {}) {
  return {
    name: "summarize",
    // `sign` too, when there is one: a failed signature is the reason the hub did not run.
    needs: ["plan", "build", ...graph.signed ? ["sign"] : [], "release", ...publishJobIds],
    if: SUMMARIZE_IF,
    "runs-on": runsOn,
    permissions: { contents: "read" },
    steps: [
      checkoutStep(SUMMARY_REF, "Check out the config"),
      {
        name: "Summarize the release",
        id: "summarize",
        uses: ownAction(options, "summarize"),
        with: { config: options.configPath, results: "${{ toJSON(needs) }}", "output-dir": STATUS_ARTIFACT }
      },
      {
        name: "Upload status.json and the dashboard",
        // Also when summarize failed because a required platform did: that is when it is read.
        if: "${{ !cancelled() }}",
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        with: { name: STATUS_ARTIFACT, path: STATUS_ARTIFACT, "if-no-files-found": "warn" }
      }
    ]
  };
}

// packages/workflow/src/release-triggers.ts
function releaseTriggers(tagPrefix) {
  return {
    push: { tags: [tagPattern(tagPrefix)] },
    workflow_dispatch: {
      inputs: {
        version: {
          description: `Version to release or redeploy, without the prefix (1.2.3); its tag ${tagPrefix}<version> must exist`,
          required: true,
          type: "string"
        },
        platforms: {
          description: "Platforms to publish to: all, or a comma-separated list such as npm,homebrew",
          required: false,
          type: "string",
          default: "all"
        },
        force: {
          description: "Replace versions that exist with other content, where the platform allows it",
          required: false,
          type: "boolean",
          default: false
        },
        "dry-run": {
          description: "Render and validate every package, publish nothing",
          required: false,
          type: "boolean",
          default: false
        }
      }
    }
  };
}
function tagPattern(tagPrefix) {
  return `${tagPrefix}[0-9]*`;
}

// packages/workflow/src/workflow-header.ts
var GENERATED_MARKER = "Generated by DeployForge";
var REGENERATE_PREFIX = "Regenerate with: ";
function regenerateCommand(options) {
  return ["npx deployforge generate", ...generateFlags(options).map(shellWord)].join(" ");
}
function workflowHeader(options) {
  const command = regenerateCommand(options);
  return [
    ` ${GENERATED_MARKER} from ${options.configPath}. Do not edit: changes made here are overwritten.`,
    ` To change this workflow, edit ${options.configPath} and regenerate.`,
    ` ${REGENERATE_PREFIX}${command}`,
    ` Keep it current in CI: ${command.replace("deployforge generate", "deployforge generate --check")}`
  ].join("\n");
}
function hasGeneratedHeader(text) {
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) return false;
    if (line.includes(GENERATED_MARKER)) return true;
  }
  return false;
}
function optionsFromHeader(text) {
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) return void 0;
    const at = line.indexOf(REGENERATE_PREFIX);
    if (at < 0) continue;
    const words = shellWords(line.slice(at + REGENERATE_PREFIX.length).trim());
    return parseGenerateFlags(words.slice(3));
  }
  return void 0;
}
function shellWords(text) {
  const words = [];
  let word;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? "") + text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (c === "\\" && i + 1 < text.length) {
      word = (word ?? "") + text[i + 1];
      i += 1;
    } else if (/\s/.test(c)) {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== void 0) words.push(word);
  return words;
}

// packages/workflow/src/render-release-workflow.ts
function releaseWorkflow(loaded, options = {}) {
  const resolved = resolveRenderOptions(options);
  const { config } = loaded;
  const tagPrefix = config.version?.["tag-prefix"] ?? "v";
  const runsOn = config.workflow?.["runs-on"] ?? "ubuntu-latest";
  const spokes = workflowSpokes(loaded);
  const signingSecrets = [config.release?.["gpg-key"], config.release?.["gpg-passphrase"]].filter((s) => s !== void 0);
  const jobs = {
    plan: planJob({ options: resolved, spokes, tagPrefix, runsOn, signingSecrets }),
    build: buildJob(config, loaded.file, (p) => loaded.locate(p))
  };
  if (signJobNeeded(config)) jobs.sign = signJob(config, resolved, runsOn);
  jobs.release = releaseJob(config, resolved, runsOn);
  for (const spoke of spokes) jobs[spoke.jobId] = publishJob(spoke, config, resolved, runsOn);
  jobs.summarize = summarizeJob(spokes.map((s) => s.jobId), resolved, runsOn, { signed: signJobNeeded(config) });
  return {
    name: "Release",
    on: releaseTriggers(tagPrefix),
    // Nothing by default; each job asks for exactly what it uses.
    permissions: {},
    concurrency: { group: concurrencyGroup(tagPrefix), "cancel-in-progress": false },
    jobs
  };
}
function renderReleaseWorkflow(loaded, options = {}) {
  return serializeWorkflow(releaseWorkflow(loaded, options), workflowHeader(resolveRenderOptions(options)));
}

// packages/workflow/src/doctor-rules/expression-in-run.ts
var import_yaml4 = __toESM(require_dist(), 1);

// packages/workflow/src/workflow-file.ts
var import_yaml2 = __toESM(require_dist(), 1);
function parseWorkflowFile(path, text) {
  const lineCounter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, { lineCounter, keepSourceTokens: false });
  return {
    path,
    text,
    doc,
    position(offset) {
      const p = lineCounter.linePos(offset);
      return { line: p.line, column: p.col };
    }
  };
}
function pairOf(node, key) {
  if (!(0, import_yaml2.isMap)(node)) return void 0;
  return node.items.find((p) => (0, import_yaml2.isPair)(p) && (0, import_yaml2.isScalar)(p.key) && String(p.key.value) === key);
}
function valueOf(node, key) {
  return pairOf(node, key)?.value ?? void 0;
}
function startOf(node) {
  return node?.range?.[0] ?? 0;
}
function* jobsOf(file) {
  const jobs = valueOf(file.doc.contents, "jobs");
  if (!(0, import_yaml2.isMap)(jobs)) return;
  for (const pair of jobs.items) {
    if ((0, import_yaml2.isPair)(pair) && (0, import_yaml2.isScalar)(pair.key) && pair.value) yield { id: String(pair.key.value), job: pair.value };
  }
}
function* stepsOf(job) {
  const steps = valueOf(job, "steps");
  if (!(0, import_yaml2.isSeq)(steps)) return;
  for (const step of steps.items) if (step) yield step;
}

// packages/workflow/src/workflow-triggers.ts
var import_yaml3 = __toESM(require_dist(), 1);

// packages/workflow/src/tag-filter.ts
function filterPatternToRegExp(pattern) {
  let source = "";
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        source += ".*";
        i += 1;
      } else source += "[^/]*";
    } else if (c === "?" || c === "+") {
      source += c;
    } else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) {
        source += "\\[";
        continue;
      }
      source += pattern.slice(i, end + 1);
      i = end;
    } else if (c === "\\" && i + 1 < pattern.length) {
      source += escape(pattern[i + 1]);
      i += 1;
    } else {
      source += escape(c);
    }
  }
  return new RegExp(`^${source}$`);
}
function escape(c) {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
function matchesFilterList(tag, patterns) {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith("!");
    if (filterPatternToRegExp(negated ? p.slice(1) : p).test(tag)) matched = !negated;
  }
  return matched;
}
function probeTags(patterns) {
  const probes = ["v1.2.3", "1.2.3", "v1.2.3-rc.1", "release-1.2.3"];
  for (const raw of patterns) {
    const p = raw.startsWith("!") ? raw.slice(1) : raw;
    for (const fill of ["1.2.3", "", "x"]) {
      probes.push(p.replace(/\*\*?/g, fill).replace(/\[([^\]])[^\]]*\]/g, "$1").replace(/[?+\\]/g, ""));
    }
  }
  return [...new Set(probes)];
}

// packages/workflow/src/workflow-triggers.ts
function stringList(node) {
  if (node === void 0) return void 0;
  if ((0, import_yaml3.isScalar)(node)) return [String(node.value)];
  if ((0, import_yaml3.isSeq)(node)) return node.items.filter(import_yaml3.isScalar).map((s) => String(s.value));
  return void 0;
}
function releaseTriggers2(file) {
  const onPair = pairOf(file.doc.contents, "on");
  const on = onPair?.value;
  const none = { tagPatterns: [], tagOffset: startOf(onPair?.key), isReleaseWorkflow: false };
  if (on === void 0) return none;
  const names = (0, import_yaml3.isMap)(on) ? on.items.map((p) => String(p.key?.value)) : stringList(on) ?? [];
  const other = names.includes("release") || names.includes("create");
  if (!names.includes("push")) return { ...none, isReleaseWorkflow: other };
  const push = (0, import_yaml3.isMap)(on) ? valueOf(on, "push") : void 0;
  const tagsPair = pairOf(push, "tags");
  const tags = stringList(tagsPair?.value);
  const ignorePair = pairOf(push, "tags-ignore");
  const ignore = stringList(ignorePair?.value);
  const branchFiltered = pairOf(push, "branches") !== void 0 || pairOf(push, "branches-ignore") !== void 0;
  const where = startOf(tagsPair?.key ?? ignorePair?.key ?? pairOf(on, "push")?.key ?? onPair?.key);
  if (tags !== void 0) {
    return { firesOnTag: (t) => matchesFilterList(t, tags), tagPatterns: tags, tagOffset: where, isReleaseWorkflow: true };
  }
  if (ignore !== void 0) {
    return { firesOnTag: (t) => !matchesFilterList(t, ignore), tagPatterns: [], tagOffset: where, isReleaseWorkflow: true };
  }
  if (branchFiltered) return { ...none, isReleaseWorkflow: other };
  return { firesOnTag: () => true, tagPatterns: [], tagOffset: where, isReleaseWorkflow: true };
}

// packages/workflow/src/doctor-rules/expression-in-run.ts
function expressionInRun(file) {
  if (!releaseTriggers2(file).isReleaseWorkflow) return [];
  const findings = [];
  for (const { id, job } of jobsOf(file)) {
    for (const step of stepsOf(job)) {
      const run = valueOf(step, "run");
      if (!(0, import_yaml4.isScalar)(run) || typeof run.value !== "string" || !run.value.includes("${{")) continue;
      const [start, end] = run.range ?? [startOf(run), startOf(run)];
      const hit = file.text.indexOf("${{", start);
      const offset = hit >= 0 && hit < end ? hit : start;
      const expression = /\$\{\{([^}]*)\}\}/.exec(run.value)?.[1]?.trim() ?? "";
      findings.push({
        rule: "expression-in-run",
        file: file.path,
        ...file.position(offset),
        message: `job ${id}: \${{ ${expression} }} inside run: is pasted into the script; pass it through env: (NAME: \${{ ${expression} }}) and use "$NAME"`
      });
    }
  }
  return findings;
}

// packages/workflow/src/doctor-rules/overlapping-tag-triggers.ts
function overlappingTagTriggers(files) {
  const triggers = files.map((file) => ({ file, t: releaseTriggers2(file) })).filter((x) => x.t.firesOnTag);
  const probes = probeTags(triggers.flatMap((x) => x.t.tagPatterns));
  const findings = [];
  for (const me of triggers) {
    const others = [];
    let example;
    for (const other of triggers) {
      if (other === me) continue;
      const tag = probes.find((p) => me.t.firesOnTag(p) && other.t.firesOnTag(p));
      if (tag === void 0) continue;
      others.push(other.file.path);
      example ??= tag;
    }
    if (others.length === 0) continue;
    findings.push({
      rule: "overlapping-tag-triggers",
      file: me.file.path,
      ...me.file.position(me.t.tagOffset),
      message: `runs on the same tags as ${others.join(", ")} (a push of tag ${example} starts all of them); one tag should start one release workflow: move what the others do into deployforge.yml and delete them, or narrow their tag filters`
    });
  }
  return findings;
}

// packages/workflow/src/doctor-rules/stale-generated-workflow.ts
function staleGeneratedWorkflow(file, render) {
  if (!hasGeneratedHeader(file.text)) return [];
  const options = { ...optionsFromHeader(file.text), outputPath: file.path };
  const fresh = render(options);
  if (fresh === void 0 || fresh === file.text) return [];
  const have = file.text.split("\n");
  const want = fresh.split("\n");
  let line = 0;
  while (line < have.length && line < want.length && have[line] === want[line]) line += 1;
  return [{
    rule: "stale-generated-workflow",
    file: file.path,
    line: line + 1,
    column: 1,
    message: `generated workflow differs from what ${options.configPath ?? "deployforge.yml"} generates from here on (hand-edited, or the config changed since); regenerate with: ${regenerateCommand(resolveRenderOptions(options))}`
  }];
}

// packages/workflow/src/doctor-rules/unmapped-secrets.ts
var SECRET_REFERENCE = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;
function unmappedSecrets(file, known, configFile) {
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  let offset = 0;
  for (const line of file.text.split("\n")) {
    if (!line.trimStart().startsWith("#")) {
      for (const m of line.matchAll(SECRET_REFERENCE)) {
        const name = m[1] ?? m[2];
        if (known.has(name) || seen.has(name)) continue;
        seen.add(name);
        findings.push({
          rule: "unmapped-secret",
          file: file.path,
          ...file.position(offset + m.index),
          message: `secrets.${name} is not the credential of any platform enabled in ${configFile} (known: ${[...known].sort().join(", ")}); remove it, or enable the platform that needs it`
        });
      }
    }
    offset += line.length + 1;
  }
  return findings;
}

// packages/workflow/src/doctor-rules/unpinned-actions.ts
var import_yaml5 = __toESM(require_dist(), 1);
function unpinnedActions(file, ownActionRepos) {
  const findings = [];
  const check = (node) => {
    if (!(0, import_yaml5.isScalar)(node) || typeof node.value !== "string") return;
    const uses = node.value.trim();
    if (uses.startsWith("./") || uses.includes("${{")) return;
    if (uses.startsWith("docker://")) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
        findings.push(finding(file, node, `${uses} is a container image by tag; pin it by digest (docker://image@sha256:\u2026)`));
      }
      return;
    }
    const at = uses.lastIndexOf("@");
    const name = at < 0 ? uses : uses.slice(0, at);
    const ref = at < 0 ? "" : uses.slice(at + 1);
    const repo = name.split("/").slice(0, 2).join("/");
    if (ownActionRepos.has(repo) || FULL_SHA.test(ref)) return;
    findings.push(finding(
      file,
      node,
      `${uses} is not pinned: use the full commit SHA of that release (${name}@<40-hex sha> # ${ref || "vX.Y.Z"}), so a moved tag cannot change what runs`
    ));
  };
  for (const { job } of jobsOf(file)) {
    check(valueOf(job, "uses"));
    for (const step of stepsOf(job)) check(valueOf(step, "uses"));
  }
  return findings;
}
function finding(file, node, message) {
  return { rule: "unpinned-action", file: file.path, ...file.position(startOf(node)), message };
}

// packages/workflow/src/run-doctor.ts
function runDoctor(input) {
  const files = [];
  const findings = [];
  for (const w of input.workflows) {
    const file = parseWorkflowFile(w.path, w.text);
    const error = file.doc.errors[0];
    if (error) {
      findings.push({ rule: "invalid-yaml", file: w.path, ...file.position(error.pos[0]), message: error.message.split("\n")[0] });
      continue;
    }
    files.push(file);
  }
  const ownRepos = /* @__PURE__ */ new Set([DEFAULT_ACTIONS_REPO]);
  for (const f of files) {
    const repo = optionsFromHeader(f.text)?.actionsRepo;
    if (repo) ownRepos.add(repo);
  }
  const { loaded } = input;
  const known = /* @__PURE__ */ new Set(["GITHUB_TOKEN"]);
  if (loaded) {
    for (const s of spokeKeys(loaded.config, loaded.enabledPlatforms)) {
      for (const c of PLATFORMS[s.platform].credentials) known.add(c.name);
    }
  }
  const render = (options) => loaded ? renderReleaseWorkflow(loaded, options) : void 0;
  findings.push(...overlappingTagTriggers(files));
  for (const file of files) {
    findings.push(...staleGeneratedWorkflow(file, render));
    if (loaded) findings.push(...unmappedSecrets(file, known, input.configFile ?? "deployforge.yml"));
    findings.push(...unpinnedActions(file, ownRepos));
    findings.push(...expressionInRun(file));
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

// packages/workflow/src/doctor-finding.ts
function formatFinding(f) {
  return `${f.file}:${f.line}:${f.column}: [${f.rule}] ${f.message}`;
}

// packages/workflow/src/starter-workflow.ts
var STARTER_HEADER = [
  " DeployForge release: starter workflow. Copy it to .github/workflows/release.yml and commit a",
  " deployforge.yml next to it (`npx deployforge init` writes one). Everything it does (targets, build",
  " command, platforms, environments) is read from deployforge.yml at run time by the plan job.",
  " For a workflow with one job per platform, each holding only its own secret and permissions, run",
  " `npx deployforge generate` instead. Tags look like v1.2.3: for another tag-prefix, change the `v` in the\n tag filter, in DEPLOYFORGE_REF and in the concurrency group."
].join("\n");

export {
  planOutputs,
  DEFAULT_ACTIONS_REPO,
  DEFAULT_ACTIONS_REF,
  DEFAULT_WORKFLOW_PATH,
  resolveRenderOptions,
  regenerateCommand,
  releaseWorkflow,
  renderReleaseWorkflow,
  runDoctor,
  formatFinding
};
