import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  ConfigurationError,
  describeValue
} from "./chunk-GMIJ6JCU.js";
import {
  __commonJS,
  __toESM
} from "./chunk-EXBJN2G4.js";

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports) {
    "use strict";
    exports.__esModule = true;
    exports.distance = exports.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq | mv;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance2 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports.distance = distance2;
    var closest2 = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance2(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports.closest = closest2;
  }
});

// packages/targets/src/target-lookup.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);

// packages/targets/src/target-ids.ts
var TARGET_IDS = [
  "linux-x64",
  "linux-arm64",
  "linux-x64-musl",
  "linux-arm64-musl",
  "macos-x64",
  "macos-arm64",
  "windows-x64",
  "windows-arm64"
];

// packages/targets/src/target-table.ts
var TARGETS = deepFreeze({
  "linux-x64": {
    id: "linux-x64",
    os: "linux",
    arch: "x64",
    libc: "gnu",
    runner: "ubuntu-latest",
    rustTriple: "x86_64-unknown-linux-gnu",
    goos: "linux",
    goarch: "amd64",
    npm: { os: "linux", cpu: "x64", libc: "glibc" },
    pypi: { platformTag: "manylinux_2_17_x86_64" },
    oci: { os: "linux", architecture: "amd64" },
    homebrew: { os: "on_linux", cpu: "on_intel" },
    aur: "x86_64",
    snap: "amd64",
    nix: "x86_64-linux",
    archive: "tar.gz",
    exeSuffix: ""
  },
  "linux-arm64": {
    id: "linux-arm64",
    os: "linux",
    arch: "arm64",
    libc: "gnu",
    runner: "ubuntu-24.04-arm",
    rustTriple: "aarch64-unknown-linux-gnu",
    goos: "linux",
    goarch: "arm64",
    npm: { os: "linux", cpu: "arm64", libc: "glibc" },
    pypi: { platformTag: "manylinux_2_17_aarch64" },
    oci: { os: "linux", architecture: "arm64", variant: "v8" },
    homebrew: { os: "on_linux", cpu: "on_arm" },
    aur: "aarch64",
    snap: "arm64",
    nix: "aarch64-linux",
    archive: "tar.gz",
    exeSuffix: ""
  },
  "linux-x64-musl": {
    id: "linux-x64-musl",
    os: "linux",
    arch: "x64",
    libc: "musl",
    runner: "ubuntu-latest",
    rustTriple: "x86_64-unknown-linux-musl",
    goos: "linux",
    goarch: "amd64",
    npm: { os: "linux", cpu: "x64", libc: "musl" },
    pypi: { platformTag: "musllinux_1_2_x86_64" },
    oci: { os: "linux", architecture: "amd64" },
    homebrew: { os: "on_linux", cpu: "on_intel" },
    aur: "x86_64",
    snap: "amd64",
    nix: "x86_64-linux",
    archive: "tar.gz",
    exeSuffix: ""
  },
  "linux-arm64-musl": {
    id: "linux-arm64-musl",
    os: "linux",
    arch: "arm64",
    libc: "musl",
    runner: "ubuntu-24.04-arm",
    rustTriple: "aarch64-unknown-linux-musl",
    goos: "linux",
    goarch: "arm64",
    npm: { os: "linux", cpu: "arm64", libc: "musl" },
    pypi: { platformTag: "musllinux_1_2_aarch64" },
    oci: { os: "linux", architecture: "arm64", variant: "v8" },
    homebrew: { os: "on_linux", cpu: "on_arm" },
    aur: "aarch64",
    snap: "arm64",
    nix: "aarch64-linux",
    archive: "tar.gz",
    exeSuffix: ""
  },
  "macos-x64": {
    id: "macos-x64",
    os: "macos",
    arch: "x64",
    runner: "macos-15-intel",
    rustTriple: "x86_64-apple-darwin",
    goos: "darwin",
    goarch: "amd64",
    npm: { os: "darwin", cpu: "x64" },
    pypi: { platformTag: "macosx_10_12_x86_64" },
    homebrew: { os: "on_macos", cpu: "on_intel" },
    nix: "x86_64-darwin",
    archive: "tar.gz",
    exeSuffix: ""
  },
  "macos-arm64": {
    id: "macos-arm64",
    os: "macos",
    arch: "arm64",
    runner: "macos-15",
    rustTriple: "aarch64-apple-darwin",
    goos: "darwin",
    goarch: "arm64",
    npm: { os: "darwin", cpu: "arm64" },
    pypi: { platformTag: "macosx_11_0_arm64" },
    homebrew: { os: "on_macos", cpu: "on_arm" },
    nix: "aarch64-darwin",
    archive: "tar.gz",
    exeSuffix: ""
  },
  "windows-x64": {
    id: "windows-x64",
    os: "windows",
    arch: "x64",
    runner: "windows-latest",
    rustTriple: "x86_64-pc-windows-msvc",
    goos: "windows",
    goarch: "amd64",
    npm: { os: "win32", cpu: "x64" },
    pypi: { platformTag: "win_amd64" },
    scoop: "64bit",
    winget: "x64",
    archive: "zip",
    exeSuffix: ".exe"
  },
  "windows-arm64": {
    id: "windows-arm64",
    os: "windows",
    arch: "arm64",
    runner: "windows-11-arm",
    rustTriple: "aarch64-pc-windows-msvc",
    goos: "windows",
    goarch: "arm64",
    npm: { os: "win32", cpu: "arm64" },
    pypi: { platformTag: "win_arm64" },
    scoop: "arm64",
    winget: "arm64",
    archive: "zip",
    exeSuffix: ".exe"
  }
});
function deepFreeze(value) {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

// packages/targets/src/target-lookup.ts
function isTargetId(value) {
  return typeof value === "string" && TARGET_IDS.includes(value);
}
function targetInfo(id, origin = "target") {
  if (isTargetId(id)) return TARGETS[id];
  const suggestion = typeof id === "string" ? suggestTargetId(id) : void 0;
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
  throw ConfigurationError.forInput(
    origin,
    `unknown target ${describeValue(id)}${hint}; expected one of ${TARGET_IDS.join(", ")}`
  );
}
function sortTargets(ids) {
  const wanted = new Set(ids);
  return TARGET_IDS.filter((id) => wanted.has(id)).map((id) => TARGETS[id]);
}
var WORDS = {
  darwin: "macos",
  mac: "macos",
  osx: "macos",
  apple: "macos",
  win: "windows",
  win32: "windows",
  win64: "windows",
  amd64: "x64",
  x86_64: "x64",
  aarch64: "arm64",
  arm: "arm64",
  glibc: "gnu"
};
function suggestTargetId(raw) {
  const lower = raw.trim().toLowerCase();
  const direct = TARGET_IDS.find((id) => {
    const t = TARGETS[id];
    return t.rustTriple === lower || t.nix === lower || `${t.goos}/${t.goarch}` === lower && t.libc !== "musl";
  });
  if (direct) return direct;
  const words = lower.split(/[-/ ]+/).map((word) => WORDS[word] ?? word);
  const os = words.find((w) => w === "linux" || w === "macos" || w === "windows");
  const arch = words.find((w) => w === "x64" || w === "arm64");
  const musl = os === "linux" && words.includes("musl") ? "-musl" : "";
  const composed = `${os}-${arch}${musl}`;
  if (os && arch && isTargetId(composed)) return composed;
  const near = (0, import_fastest_levenshtein.closest)(lower, [...TARGET_IDS]);
  return (0, import_fastest_levenshtein.distance)(lower, near) <= 3 ? near : void 0;
}

// packages/targets/src/linux-pickers.ts
function pickLinuxPerArch(built, prefer) {
  const linux = sortTargets(built).filter((t) => t.os === "linux");
  const picked = [];
  for (const arch of ["x64", "arm64"]) {
    const candidates = linux.filter((t) => t.arch === arch);
    const choice = candidates.find((t) => t.libc === prefer) ?? candidates[0];
    if (choice) picked.push(choice);
  }
  return picked;
}
function ociTargets(built) {
  return pickLinuxPerArch(built, "musl");
}
function aurTargets(built) {
  return pickLinuxPerArch(built, "gnu");
}
function snapTargets(built) {
  return pickLinuxPerArch(built, "gnu");
}

// packages/targets/src/archive-name.ts
function archiveName(project, version, target) {
  const info = targetInfo(target);
  for (const [what, value] of [
    ["project name", project],
    ["version", version]
  ]) {
    if (typeof value !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(value)) {
      throw ConfigurationError.forInput(
        what === "version" ? "version" : "project.name",
        `${what} ${describeValue(value)} cannot be used in an archive file name; expected letters, digits, ".", "_", "+" or "-"`
      );
    }
  }
  return `${project}-${version}-${info.id}.${info.archive}`;
}
function binaryName(binary, target) {
  return `${binary}${targetInfo(target).exeSuffix}`;
}

export {
  require_mod,
  TARGET_IDS,
  TARGETS,
  targetInfo,
  sortTargets,
  pickLinuxPerArch,
  ociTargets,
  aurTargets,
  snapTargets,
  archiveName,
  binaryName
};
