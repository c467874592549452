import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  PLATFORMS,
  SPOKE_IDS
} from "./chunk-LEOGON56.js";
import {
  parse
} from "./chunk-JQP4SYQR.js";
import {
  require_dist
} from "./chunk-JMZRCY2U.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/init/src/detect-project.ts
import { access, readdir, readFile as readFile2 } from "node:fs/promises";
import { basename, join as join2, resolve } from "node:path";

// packages/init/src/git-remote.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
function githubRepositoryFromUrl(url) {
  const match = /^(?:(?:https?|ssh|git|git\+ssh):\/\/(?:[^@/]+@)?github\.com(?::\d+)?\/|(?:[^@/]+@)?github\.com:)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/i.exec(
    url.trim()
  );
  if (!match) return void 0;
  return `${match[1]}/${match[2]}`;
}
async function detectGithubRepository(cwd) {
  try {
    const { stdout } = await run("git", ["remote", "get-url", "origin"], {
      cwd,
      timeout: 1e4,
      // Never let git prompt or page: init must work unattended in CI and in tests.
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat" }
    });
    return githubRepositoryFromUrl(stdout);
  } catch {
    return void 0;
  }
}

// packages/init/src/project-name.ts
function normalizeProjectName(raw) {
  const name = raw.trim().toLowerCase().replace(/^@[^/]+\//, "").replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").replace(/[-.]+$/, "");
  return name === "" ? void 0 : name;
}
function withoutScope(packageName) {
  return packageName.replace(/^@[^/]+\//, "");
}

// packages/init/src/manifest-facts.ts
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function stringAt(table, key) {
  if (!isTable(table)) return void 0;
  const value = table[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
}

// packages/init/src/read-cargo-toml.ts
function readCargoToml(text) {
  const doc = parse(text);
  const pkg = isTable(doc.package) ? doc.package : {};
  const shared = isTable(doc.workspace) && isTable(doc.workspace.package) ? doc.workspace.package : {};
  const field = (key) => stringAt(pkg, key) ?? (inherits(pkg[key]) ? stringAt(shared, key) : void 0);
  const bins = Array.isArray(doc.bin) ? doc.bin : [];
  const firstBin = bins.map((b) => stringAt(b, "name")).find((n) => n !== void 0);
  return {
    name: stringAt(pkg, "name"),
    packageName: stringAt(pkg, "name"),
    description: field("description"),
    license: field("license"),
    homepage: field("homepage") ?? field("repository"),
    binary: firstBin ?? stringAt(pkg, "name"),
    version: field("version")
  };
}
function inherits(value) {
  return isTable(value) && value.workspace === true;
}

// packages/init/src/read-go-mod.ts
function readGoMod(text) {
  const match = /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m.exec(text);
  const modulePath = match?.[2];
  if (!modulePath) return {};
  const segments = modulePath.split("/").filter((s) => s !== "");
  let last = segments.at(-1);
  if (last !== void 0 && /^v\d+$/.test(last) && segments.length > 1) last = segments.at(-2);
  const homepage = /^github\.com\/[^/]+\/[^/]+/.exec(modulePath)?.[0];
  return { name: last, binary: last, homepage: homepage ? `https://${homepage}` : void 0 };
}

// packages/init/src/read-package-json.ts
function readPackageJson(text) {
  const pkg = JSON.parse(text);
  if (!isTable(pkg)) return {};
  const name = stringAt(pkg, "name");
  let binary;
  let entry;
  if (typeof pkg.bin === "string") {
    binary = name ? withoutScope(name) : void 0;
    entry = pkg.bin;
  } else if (isTable(pkg.bin)) {
    const first = Object.entries(pkg.bin).find(([, path]) => typeof path === "string");
    if (first) [binary, entry] = [first[0], first[1]];
  }
  const license = stringAt(pkg, "license") ?? stringAt(pkg.license, "type");
  return {
    name: name ? withoutScope(name) : void 0,
    packageName: name,
    description: stringAt(pkg, "description"),
    license,
    homepage: stringAt(pkg, "homepage"),
    binary: binary ?? (name ? withoutScope(name) : void 0),
    version: stringAt(pkg, "version"),
    // Without `bin`, `main` is the best guess at what a bundler should start from.
    entry: entry ?? stringAt(pkg, "main")
  };
}

// packages/init/src/read-pyproject.ts
function readPyproject(text) {
  const doc = parse(text);
  const project = isTable(doc.project) ? doc.project : {};
  const scripts = isTable(project.scripts) ? Object.entries(project.scripts) : [];
  const [command, target] = scripts.find(([, t]) => typeof t === "string") ?? [];
  const urls = isTable(project.urls) ? project.urls : {};
  return {
    name: stringAt(project, "name"),
    packageName: stringAt(project, "name"),
    description: stringAt(project, "description"),
    license: pythonLicense(project.license),
    homepage: stringAt(urls, "Homepage") ?? stringAt(urls, "homepage") ?? stringAt(urls, "Repository") ?? stringAt(urls, "repository"),
    binary: command ?? stringAt(project, "name"),
    version: stringAt(project, "version"),
    entry: typeof target === "string" ? target.replace(/\[.*\]/, "").replace(/\s+/g, "") : void 0
  };
}
function pythonLicense(value) {
  if (typeof value === "string") return value.trim() || void 0;
  const text = stringAt(value, "text");
  return text && /^[A-Za-z0-9.+-]+$/.test(text) ? text : void 0;
}

// packages/init/src/sniff-license.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var LICENSE_FILES = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING"];
async function sniffLicenseFile(cwd) {
  for (const file of LICENSE_FILES) {
    let text;
    try {
      text = await readFile(join(cwd, file), "utf8");
    } catch {
      continue;
    }
    return spdxFromLicenseText(text);
  }
  return void 0;
}
function spdxFromLicenseText(text) {
  const head = text.slice(0, 2e3).replace(/\s+/g, " ");
  if (/^\s*(?:The )?MIT License/i.test(head) || /Permission is hereby granted, free of charge/i.test(head)) return "MIT";
  if (/Apache License,? Version 2\.0/i.test(head)) return "Apache-2.0";
  if (/Mozilla Public License,? (?:Version|v\.?) ?2\.0/i.test(head)) return "MPL-2.0";
  if (/GNU AFFERO GENERAL PUBLIC LICENSE Version 3/i.test(head)) return "AGPL-3.0-only";
  if (/GNU LESSER GENERAL PUBLIC LICENSE Version 3/i.test(head)) return "LGPL-3.0-only";
  if (/GNU GENERAL PUBLIC LICENSE Version 3/i.test(head)) return "GPL-3.0-only";
  if (/GNU GENERAL PUBLIC LICENSE Version 2/i.test(head)) return "GPL-2.0-only";
  if (/^\s*ISC License/i.test(head)) return "ISC";
  if (/This is free and unencumbered software released into the public domain/i.test(head)) return "Unlicense";
  return void 0;
}

// packages/init/src/detect-project.ts
var MANIFESTS = [
  { kind: "rust", file: "Cargo.toml", read: readCargoToml, versionSource: "cargo" },
  { kind: "go", file: "go.mod", read: readGoMod, versionSource: "tag" },
  { kind: "node", file: "package.json", read: readPackageJson, versionSource: "package-json" },
  { kind: "python", file: "pyproject.toml", read: readPyproject, versionSource: "tag" }
];
async function detectProject(cwd) {
  const dir = resolve(cwd);
  const [found, repository, licenseFile, extraFiles] = await Promise.all([
    findManifest(dir),
    detectGithubRepository(dir),
    sniffLicenseFile(dir),
    findExtraFiles(dir)
  ]);
  const kind = found?.manifest.kind ?? "unknown";
  const facts = { ...found?.facts };
  if (kind === "go") Object.assign(facts, await findGoMain(dir, facts.binary));
  const name = normalizeProjectName(facts.name ?? "") ?? normalizeProjectName(repository?.split("/")[1] ?? "") ?? normalizeProjectName(basename(dir)) ?? "app";
  const binary = binaryName(facts.binary) ?? name;
  return {
    kind,
    manifest: found?.manifest.file,
    name,
    packageName: facts.packageName,
    description: facts.description?.replace(/\s+/g, " ").trim() || void 0,
    license: facts.license ?? licenseFile,
    homepage: facts.homepage ?? (repository ? `https://github.com/${repository}` : void 0),
    repository,
    binary,
    versionSource: found?.manifest.versionSource ?? "tag",
    version: facts.version,
    entry: facts.entry,
    extraFiles,
    lockfile: kind === "rust" && await exists(join2(dir, "Cargo.lock"))
  };
}
async function findGoMain(dir, moduleBinary) {
  if (await exists(join2(dir, "main.go"))) return { entry: "." };
  let commands;
  try {
    const entries = await readdir(join2(dir, "cmd"), { withFileTypes: true });
    commands = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return { entry: "." };
  }
  const chosen = commands.find((c) => c === moduleBinary) ?? commands[0];
  return chosen ? { entry: `./cmd/${chosen}`, binary: chosen } : { entry: "." };
}
var README_NAMES = ["README.md", "README", "README.txt", "README.rst"];
async function findExtraFiles(dir) {
  let names;
  try {
    names = new Set(await readdir(dir));
  } catch {
    return [];
  }
  const readme = README_NAMES.find((n) => names.has(n));
  const licenses = [...names].filter((n) => /^(?:LICEN[CS]E|COPYING)(?:[-.][A-Za-z0-9.-]+)?$/.test(n)).sort();
  return [...readme ? [readme] : [], ...licenses];
}
async function findManifest(dir) {
  for (const manifest of MANIFESTS) {
    const path = join2(dir, manifest.file);
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch {
      continue;
    }
    try {
      return { manifest, facts: manifest.read(text) };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new ConfigurationError(`${path}: cannot read ${manifest.file}: ${reason}`);
    }
  }
  return void 0;
}
function binaryName(raw) {
  const cleaned = raw?.trim().replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+/, "");
  return cleaned || void 0;
}
async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

// packages/init/src/build-recipes.ts
var DESKTOP = ["linux-x64", "linux-arm64", "macos-x64", "macos-arm64", "windows-x64"];
function buildRecipe(d) {
  const recipes = {
    rust: () => ({
      targets: DESKTOP,
      moreTargets: ["linux-x64-musl", "linux-arm64-musl", "windows-arm64"],
      command: `rustup target add "$DEPLOYFORGE_RUST_TARGET" && cargo build --release${d.lockfile ? " --locked" : ""} --target "$DEPLOYFORGE_RUST_TARGET"`,
      path: `target/\${DEPLOYFORGE_RUST_TARGET}/release/${d.binary}`,
      notes: [
        "Each target builds on a runner of its own OS; `rustup target add` is a no-op when the",
        "triple is already installed." + (d.lockfile ? " --locked keeps the build on Cargo.lock." : "")
      ]
    }),
    go: () => ({
      targets: [...DESKTOP, "windows-arm64"],
      // Static binaries make the musl targets identical to the plain Linux ones.
      moreTargets: [],
      command: `CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$DEPLOYFORGE_VERSION" -o "dist/$DEPLOYFORGE_TARGET/" ${d.entry ?? "."}`,
      path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
      notes: [
        "Go cross-compiles from GOOS/GOARCH; CGO_ENABLED=0 makes static binaries. The -X flag stamps",
        "the version into `var version string` in package main (harmless if there is none). An -o",
        'ending in "/" lets go name the file, adding .exe on Windows.'
      ]
    }),
    node: () => {
      const entry = d.entry ?? "index.js";
      return {
        targets: DESKTOP,
        moreTargets: ["linux-x64-musl", "linux-arm64-musl"],
        command: `npm ci && npx --yes bun build ${quoteIfNeeded(entry)} --compile --target "bun-\${DEPLOYFORGE_TARGET/macos/darwin}" --outfile "dist/$DEPLOYFORGE_TARGET/${d.binary}"`,
        path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
        notes: [
          `Bundles ${entry} and a JavaScript runtime into one executable per target (Bun's targets are`,
          "named like ours, with darwin for macos). Swap in your own bundler (Node SEA, pkg\u2026) if you prefer."
        ]
      };
    },
    python: () => {
      const launcher = pythonLauncher(d);
      return {
        targets: DESKTOP,
        moreTargets: [],
        command: `python -m pip install . pyinstaller && echo ${quoteForEcho(launcher)} > deployforge_entry.py && pyinstaller --onefile --name ${d.binary} --distpath "dist/$DEPLOYFORGE_TARGET" deployforge_entry.py`,
        path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
        notes: [
          `PyInstaller freezes the interpreter and your package into one executable that runs ${d.entry ?? `\`python -m ${pythonModule(d)}\``}.`,
          "It cannot cross-compile: each target builds on a runner of its own OS and architecture."
        ]
      };
    },
    unknown: () => ({
      targets: DESKTOP,
      moreTargets: ["linux-x64-musl", "linux-arm64-musl", "windows-arm64"],
      command: `./scripts/build.sh "$DEPLOYFORGE_TARGET"`,
      path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
      notes: [
        "No Cargo.toml, go.mod, package.json or pyproject.toml was found: replace this with the",
        "command that builds one target, and `path` with where its binary lands."
      ]
    })
  };
  return recipes[d.kind]();
}
function pythonLauncher(d) {
  const match = d.entry ? /^([A-Za-z_][\w.]*):([A-Za-z_][\w.]*)$/.exec(d.entry) : null;
  if (match) return `import sys, ${match[1]} as m; sys.exit(m.${match[2]}())`;
  return `import runpy; runpy.run_module('${pythonModule(d)}', run_name='__main__')`;
}
function pythonModule(d) {
  return (d.packageName ?? d.name).toLowerCase().replace(/[-.]+/g, "_");
}
function quoteIfNeeded(arg) {
  return /^[\w./@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function quoteForEcho(text) {
  return `"${text.replace(/["\\$`]/g, "\\$&")}"`;
}

// packages/init/src/platform-suggestions.ts
var CRATE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
function choosePlatforms(d) {
  const owner = d.repository?.split("/")[0];
  const enabled = [];
  const why = [];
  switch (d.kind) {
    case "rust":
      if (d.packageName && CRATE_NAME.test(d.packageName)) {
        enabled.push("crates");
        why.push("On by default: crates.io, so Rust users can `cargo install` it (published from source).");
      } else {
        why.push("No [package] in Cargo.toml (a workspace root?): set platforms.crates.path to the crate to publish it.");
      }
      break;
    case "node":
      enabled.push("npm");
      why.push("On by default: npm, so `npx`/`npm i -g` get a prebuilt binary (a launcher + one package per", "target, via optionalDependencies). If you publish this package's JavaScript yourself, rename one.");
      break;
    case "python":
      enabled.push("pypi");
      why.push("On by default: PyPI, so `pipx install`/`uv tool install` get a wheel per target that carries", "the binary.");
      break;
    case "go":
      if (owner) {
        enabled.push("homebrew");
        why.push(`On by default: Homebrew, so \`brew install ${owner}/tap/${d.binary}\` works (create the`, `${owner}/homebrew-tap repository first). Go needs no registry: \`go install\` works from the tag.`);
      } else {
        why.push("Go needs no registry of its own: `go install` already works from the tag. No GitHub", "remote was found, so no Homebrew tap is assumed; enable one below when you have it.");
      }
      break;
    case "unknown":
      why.push("Nothing is on yet: the GitHub Release alone is published. Uncomment platforms below.");
      break;
  }
  const all = SPOKE_IDS.map((id) => suggest(id, d, owner));
  return {
    enabled: all.filter((s) => enabled.includes(s.id)),
    why,
    available: all.filter((s) => !enabled.includes(s.id))
  };
}
function suggest(id, d, ownerOrUndefined) {
  const owner = ownerOrUndefined ?? "your-org";
  const ownerLower = owner.toLowerCase();
  const name = d.name;
  const Pascal = pascalCase(name);
  const settings = {
    npm: { package: d.kind === "node" && d.packageName ? d.packageName : name },
    "github-packages": { scope: `@${ownerLower}` },
    pypi: { package: d.kind === "python" && d.packageName ? d.packageName : name },
    crates: { package: d.kind === "rust" && d.packageName ? d.packageName : crateName(name), path: "." },
    docker: { images: [`ghcr.io/${ownerLower}/${name}`] },
    homebrew: { tap: `${owner}/homebrew-tap` },
    scoop: { bucket: `${owner}/scoop-bucket` },
    chocolatey: { package: name },
    winget: { "package-id": `${pascalCase(owner)}.${Pascal}` },
    aur: { package: `${name}-bin` },
    snap: { name: snapName(name), channel: "stable" },
    // Reverse-DNS segments cannot start with a digit or hold '-', hence the underscores.
    flathub: { "app-id": `io.github.${owner.replace(/-/g, "_").replace(/^(?=\d)/, "_")}.${Pascal}` },
    vscode: { path: "editors/vscode" },
    huggingface: { space: `${owner}/${name}` },
    nix: { repository: `${owner}/nix-packages` },
    custom: { "deploy-docs": { run: './scripts/deploy-docs.sh "$DEPLOYFORGE_VERSION"' } }
  };
  return { id, settings: settings[id], summary: summarize(id) };
}
function summarize(id) {
  const info = PLATFORMS[id];
  const secrets = info.credentials.map((c) => c.name);
  let needs = secrets.length === 0 ? "no secret needed" : secrets.length === 1 ? `secret ${secrets[0]}` : `secrets ${secrets.join(info.allCredentialsRequired ? " + " : " or ")}`;
  if (info.oidc) needs = `trusted publishing, or ${needs}`;
  return `${info.displayName} publishes ${info.publishes} (${needs})`;
}
function pascalCase(text) {
  const pascal = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(pascal) ? pascal : `App${pascal}`;
}
function crateName(name) {
  const crate = name.replace(/\./g, "-");
  return /^[A-Za-z]/.test(crate) ? crate : `x-${crate}`;
}
function snapName(name) {
  return name.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "app";
}

// packages/init/src/schema-url.ts
var SCHEMA_URL = "https://raw.githubusercontent.com/deployforge/deployforge/main/schema/deployforge.schema.json";

// packages/init/src/yaml-text.ts
var import_yaml = __toESM(require_dist(), 1);
function inlineYaml(value) {
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return `[${value.map(inlineYaml).join(", ")}]`;
  }
  return (0, import_yaml.stringify)(value, { lineWidth: 0, collectionStyle: "flow", flowCollectionPadding: true }).trimEnd();
}
function blockYaml(value, indent) {
  const pad = " ".repeat(indent);
  return (0, import_yaml.stringify)(value, { lineWidth: 0 }).trimEnd().split("\n").map((line) => pad + line).join("\n");
}

// packages/init/src/render-init-config.ts
var VERSION_SOURCE_NOTE = {
  cargo: "Cargo.toml's version is released; the tag you push must be <tag-prefix><that version>.",
  "package-json": "package.json's version is released; the tag you push must be <tag-prefix><that version>.",
  tag: "The pushed tag minus tag-prefix is the version (v1.2.3 \u2192 1.2.3)."
};
function renderInitConfig(d) {
  const recipe = buildRecipe(d);
  const choice = choosePlatforms(d);
  const from = d.manifest ? ` from ${d.manifest}` : "";
  const out = [];
  const line = (text = "") => out.push(text);
  const field = (indent, key, value, comment) => line(`${" ".repeat(indent)}${key}: ${inlineYaml(value)}${comment ? `  # ${comment}` : ""}`);
  line(`# yaml-language-server: $schema=${SCHEMA_URL}`);
  line("#");
  line(`# DeployForge release config for ${d.name}, written by \`deployforge init\`${from}.`);
  line("#");
  line("#   deployforge validate               check this file");
  line("#   deployforge plan --version 1.2.3   see what a release would build and publish");
  line("#   deployforge generate               write .github/workflows/release.yml from it");
  line("#");
  line("# The schema above documents every key; YAML editors autocomplete them from it.");
  line();
  line("# What is being released: names and links copied into every package's metadata.");
  line("project:");
  field(2, "name", d.name);
  if (d.description) field(2, "description", d.description);
  else line("  # description: One line about what it does");
  if (d.homepage) field(2, "homepage", d.homepage);
  else line("  # homepage: https://example.com");
  if (d.license) field(2, "license", d.license, "SPDX id");
  else line("  # license: MIT   # SPDX id; no license was found in the manifest or a LICENSE file");
  if (d.repository) field(2, "repository", d.repository, "where releases live; default: the repository the workflow runs in");
  else line("  # repository: owner/repo   # default: the repository the workflow runs in");
  line("  # maintainer: Your Name <you@example.com>   # used by AUR, Chocolatey, Winget and Snap");
  line();
  line("# Where the version comes from: tag | input (the dispatch input) | cargo | package-json | file:<path>.");
  line("version:");
  line(`  # ${VERSION_SOURCE_NOTE[d.versionSource]}`);
  field(2, "from", d.versionSource);
  field(2, "tag-prefix", "v");
  line();
  line("# How each target is built: `command` runs once per target with DEPLOYFORGE_TARGET,");
  line("# DEPLOYFORGE_RUST_TARGET, GOOS and GOARCH set; `path` is where the binary lands (.exe is");
  line("# added on Windows). Archives are named <name>-<version>-<target>.tar.gz (.zip on Windows).");
  line("build:");
  field(2, "binary", d.binary);
  if (recipe.moreTargets.length > 0) line(`  # Also available: ${recipe.moreTargets.join(", ")}.`);
  field(2, "targets", recipe.targets);
  for (const note of recipe.notes) line(`  # ${note}`);
  field(2, "command", recipe.command);
  field(2, "path", recipe.path);
  if (d.extraFiles.length > 0) field(2, "files", d.extraFiles, "packed next to the binary in every archive");
  else line("  # files: [README.md, LICENSE]   # packed next to the binary in every archive");
  line();
  line("# The GitHub Release is the hub: every archive and SHA256SUMS are uploaded to a draft, verified,");
  line("# then published, and every platform below publishes from that release.");
  line("release:");
  field(2, "draft-until-complete", true);
  field(2, "checksums", true);
  field(2, "notes", "generate", "generate | none | file:<path>");
  line("  # attest: true   # build provenance attestations for every archive");
  line("  # sbom: true     # an SBOM attached to the release");
  line();
  line("# The generated workflow. Publish jobs run in this GitHub environment, so their secrets can");
  line("# sit behind its protection rules.");
  line("# workflow:");
  line("#   environment: release");
  line("#   runs-on: ubuntu-latest");
  line();
  const ids = choice.enabled.map((s) => s.id);
  line("# Platforms whose failure fails the release; the others are reported but never block it.");
  if (ids.length > 0) field(0, "required", ids);
  else line("# required: [npm]");
  line();
  line('# A platform is on when its block is present (an empty block means "on, with defaults").');
  line("# Secrets go in the repository or environment settings; `deployforge plan` names missing ones.");
  line("platforms:");
  for (const note of choice.why) line(`  # ${note}`);
  for (const s of choice.enabled) {
    line(`  # ${s.summary}`);
    line(blockYaml({ [s.id]: s.settings }, 2));
  }
  line();
  line("  # Uncomment to publish to more places:");
  for (const s of choice.available) {
    line(`  # ${s.summary}`);
    line(`  # ${s.id}: ${inlineYaml(s.settings)}`);
  }
  return `${out.join("\n")}
`;
}

// packages/init/src/write-init-config.ts
import { writeFile } from "node:fs/promises";
import { join as join3, resolve as resolve2 } from "node:path";
var CONFIG_FILE_NAME = "deployforge.yml";
async function writeInitConfig(cwd, options = {}) {
  const path = join3(resolve2(cwd), CONFIG_FILE_NAME);
  const text = renderInitConfig(await detectProject(cwd));
  try {
    await writeFile(path, text, { encoding: "utf8", flag: options.force ? "w" : "wx" });
  } catch (error) {
    if (error.code === "EEXIST") {
      throw new ConfigurationError(`${path} already exists; pass --force to overwrite it.`);
    }
    throw error;
  }
  return path;
}
export {
  CONFIG_FILE_NAME,
  SCHEMA_URL,
  detectProject,
  githubRepositoryFromUrl,
  renderInitConfig,
  writeInitConfig
};
