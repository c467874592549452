import { createRequire as __dfCreateRequire } from 'node:module'; const require = __dfCreateRequire(import.meta.url);
import{buildReleasePackages,configuredPackageKinds,isReleasePackageFile}from"./chunk-W4PM7LFP.js";import{keylessIdentityAvailable}from"./chunk-2YJLLZA3.js";import{SHA256SUMS_GPG_NAME,SHA256SUMS_SIGSTORE_NAME,provenanceBundleName}from"./chunk-XZUEL5U4.js";import{SHA256SUMS_NAME,sha256File}from"./chunk-4L7TSDCD.js";import{archiveName}from"./chunk-AE6F2JTO.js";import{sortTargets}from"./chunk-GDQFQKJE.js";import{ConfigurationError,formatDiagnostic}from"./chunk-QHIVD7FR.js";const{writeFile}=require("node:fs/promises");const{join}=require("node:path");const{basename:basename2,relative}=require("node:path");const{readdir,stat}=require("node:fs/promises");const{basename,dirname,join:join2,resolve}=require("node:path");const{writeFile:writeFile2}=require("node:fs/promises");const{basename:basename3,join:join3}=require("node:path");const{mkdtemp,rm}=require("node:fs/promises");const{tmpdir}=require("node:os");const{basename:basename4,join:join4}=require("node:path");const{writeFile:writeFile3}=require("node:fs/promises");const{basename:basename5,join:join5}=require("node:path");const{writeFile:writeFile4}=require("node:fs/promises");const{join:join6}=require("node:path");var INSTALLER_FILES={sh:"install.sh",ps1:"install.ps1"},ALL_KINDS=["sh","ps1"];function configuredInstallers(config){let value=config.release?.installers??!1;return value===!0?[...ALL_KINDS]:value===!1?[]:ALL_KINDS.filter(k=>value.includes(k))}function isConfiguredInstallerFile(config,name){return configuredInstallers(config).some(k=>INSTALLER_FILES[k]===name)}function baseUrlVariable(project){let upper=project.toUpperCase().replace(/[^A-Z0-9]+/g,"_");return`${/^[0-9]/.test(upper)?"_":""}${upper}_INSTALL_BASE_URL`}function installerFacts(config,version,release){let targets=sortTargets(config.build?.targets??[]);for(let t of targets)archiveName(config.project.name,version.version,t.id);let binary=config.build?.binary??config.project.name;if(!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(binary))throw ConfigurationError.forInput("build.binary",`"${binary}" cannot be named by an install script; expected letters, digits, ".", "_", "+" or "-"`);let tagPrefix=version.tag.endsWith(version.version)?version.tag.slice(0,version.tag.length-version.version.length):"";return{project:config.project.name,binary,version:version.version,tagPrefix,baseUrl:`${release.serverUrl.replace(/\/+$/,"")}/${release.owner}/${release.repo}/releases/download`,baseUrlVariable:baseUrlVariable(config.project.name),unixTargets:targets.filter(t=>t.os!=="windows"),windowsTargets:targets.filter(t=>t.os==="windows")}}var INSTALL_PS1_BODY=`function Install-Release {
    param([string]$Version, [string]$To, [string]$Target, [string]$BaseUrl)
    $ErrorActionPreference = 'Stop'

    if (-not $BaseUrl) { $BaseUrl = [Environment]::GetEnvironmentVariable($BaseUrlVariable) }
    if (-not $BaseUrl) { $BaseUrl = $DefaultBaseUrl }
    if ($BaseUrl -notmatch '^https?://') { throw "install.ps1: -BaseUrl: expected an http(s) URL, got '$BaseUrl'" }
    $BaseUrl = $BaseUrl.TrimEnd('/')

    if (-not $Version) { $Version = $AppVersion }
    # -Version v1.2.3 and -Version 1.2.3 name the same release.
    if ($TagPrefix -and $Version.StartsWith($TagPrefix)) { $Version = $Version.Substring($TagPrefix.Length) }
    if ($Version -notmatch '^[0-9A-Za-z.+-]+$') { throw "install.ps1: -Version: expected a version such as $AppVersion, got '$Version'" }

    if (-not $To) { $To = Join-Path (Join-Path $HOME '.local') 'bin' }

    if ($Target) {
        if ($Targets -notcontains $Target) { throw "install.ps1: -Target: this release has no $Target (it has: $($Targets -join ', '))" }
    } else {
        $machine = $env:PROCESSOR_ARCHITEW6432
        if (-not $machine) { $machine = $env:PROCESSOR_ARCHITECTURE }
        # Windows on Arm runs x64 builds too, so x64 is its fallback.
        $candidates = switch ($machine) {
            'AMD64' { @('windows-x64') }
            'ARM64' { @('windows-arm64', 'windows-x64') }
            default { @() }
        }
        $Target = $candidates | Where-Object { $Targets -contains $_ } | Select-Object -First 1
        if (-not $Target) { throw "install.ps1: no build for this machine ($machine; this release has: $($Targets -join ', ')); -Target picks one by hand" }
    }

    $tag = "$TagPrefix$Version"
    $archive = "$AppName-$Version-$Target.zip"
    $exe = "$AppBinary.exe"
    $tmp = Join-Path ([IO.Path]::GetTempPath()) ([IO.Path]::GetRandomFileName())
    New-Item -ItemType Directory -Path $tmp | Out-Null
    try {
        # Windows PowerShell 5.1 offers TLS 1.0 unless told otherwise; GitHub requires 1.2.
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        $ProgressPreference = 'SilentlyContinue'
        Write-Host "downloading $BaseUrl/$tag/$archive"
        $sums = Join-Path $tmp 'SHA256SUMS'
        $zip = Join-Path $tmp $archive
        Invoke-WebRequest -Uri "$BaseUrl/$tag/SHA256SUMS" -OutFile $sums -UseBasicParsing
        Invoke-WebRequest -Uri "$BaseUrl/$tag/$archive" -OutFile $zip -UseBasicParsing

        $expected = $null
        foreach ($line in Get-Content -LiteralPath $sums) {
            if ($line -match '^([0-9A-Fa-f]{64}) [ *](.+)$' -and $Matches[2] -eq $archive) { $expected = $Matches[1].ToLowerInvariant() }
        }
        if (-not $expected) { throw "install.ps1: SHA256SUMS of $tag does not list \${archive}: refusing to install it" }
        $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $zip).Hash.ToLowerInvariant()
        if ($actual -ne $expected) { throw "install.ps1: \${archive}: sha256 is $actual but SHA256SUMS says \${expected}: refusing to install it (nothing was changed)" }
        Write-Host "verified sha256 $actual"

        $unpacked = Join-Path $tmp 'unpacked'
        Expand-Archive -LiteralPath $zip -DestinationPath $unpacked
        $source = Join-Path $unpacked $exe
        if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { throw "install.ps1: $archive holds no $exe" }
        New-Item -ItemType Directory -Force -Path $To | Out-Null
        $destination = Join-Path $To $exe
        # Copy next to the destination, then move over it: an interrupted install leaves no
        # half-written file under the real name.
        $partial = Join-Path $To ".$exe.partial"
        Copy-Item -LiteralPath $source -Destination $partial -Force
        Move-Item -LiteralPath $partial -Destination $destination -Force
        Write-Host "installed $AppName $Version ($Target) as $destination"
        $onPath = ($env:Path -split ';') | Where-Object { $_.TrimEnd('\\') -eq $To.TrimEnd('\\') }
        if (-not $onPath) { Write-Host "note: $To is not on your PATH; add it in Settings > System > About > Advanced system settings > Environment Variables" }
    } finally {
        Remove-Item -LiteralPath $tmp -Recurse -Force -ErrorAction SilentlyContinue
    }
}

# Everything runs from here, after the whole script has arrived; errors are thrown rather than
# \`exit\`ed, so \`irm \u2026 | iex\` never closes the console it runs in.
Install-Release -Version $Version -To $To -Target $Target -BaseUrl $BaseUrl
`;function shSingleQuoted(value){return`'${value.replace(/'/g,"'\\''")}'`}function psSingleQuoted(value){return`'${value.replace(/['\u2018\u2019\u201a\u201b]/g,q=>q+q)}'`}function renderInstallPs1(facts){let example=`${facts.baseUrl}/${facts.tagPrefix}${facts.version}/install.ps1`;return["<#",".SYNOPSIS",`Installs ${facts.binary} from the ${facts.project} release on GitHub.`,".DESCRIPTION","Downloads the archive for this machine, checks its sha256 against the release's SHA256SUMS before",`unpacking it, and puts ${facts.binary}.exe in ~\\.local\\bin (or -To DIR).`,`Generated by DeployForge for ${facts.project} ${facts.version}.`,".PARAMETER Version",`The release to install (default: ${facts.version}).`,".PARAMETER To","The folder the program goes in (default: ~\\.local\\bin).",".PARAMETER Target",`The archive to install instead of the detected one: ${facts.windowsTargets.map(t=>t.id).join(", ")}.`,".PARAMETER BaseUrl",`A mirror of the release files, laid out as <URL>/<tag>/<file> (default: ${facts.baseUrl}; the ${facts.baseUrlVariable} environment variable sets it too).`,".EXAMPLE",`irm ${example} | iex`,".EXAMPLE",`& ([scriptblock]::Create((irm ${example}))) -Version ${facts.version} -To C:\\Tools`,"#>","param(","    [string]$Version = '',","    [string]$To = '',","    [string]$Target = '',","    [string]$BaseUrl = ''",")","",`$AppName = ${psSingleQuoted(facts.project)}`,`$AppBinary = ${psSingleQuoted(facts.binary)}`,`$AppVersion = ${psSingleQuoted(facts.version)}`,`$TagPrefix = ${psSingleQuoted(facts.tagPrefix)}`,`$DefaultBaseUrl = ${psSingleQuoted(facts.baseUrl)}`,`$BaseUrlVariable = ${psSingleQuoted(facts.baseUrlVariable)}`,"# The release has a .zip archive for each of these.",`$Targets = @(${facts.windowsTargets.map(t=>psSingleQuoted(t.id)).join(", ")})`,"",INSTALL_PS1_BODY].join(`
`)}var INSTALL_SH_BODY=`say() {
  printf '%s\\n' "$*"
}

fail() {
  printf 'install.sh: error: %s\\n' "$*" >&2
  exit 1
}

usage() {
  cat <<USAGE
Installs $APP_BINARY from its GitHub release: downloads the archive for this machine, checks its
sha256 against the release's SHA256SUMS, and only then unpacks it.

Usage: install.sh [--version VERSION] [--to DIR] [--target TARGET] [--base-url URL]

  --version VERSION  the release to install (default: $APP_VERSION)
  --to DIR           where $APP_BINARY goes (default: \\$HOME/.local/bin)
  --target TARGET    the archive to install instead of the detected one, one of:
                     $TARGETS
  --base-url URL     download from a mirror of the release files, laid out as
                     <URL>/<tag>/<file> (default: $DEFAULT_BASE_URL;
                     the $BASE_URL_VARIABLE environment variable sets it too)

Downloads with curl, else wget. Piped: curl -fsSL <url>/install.sh | sh -s -- --to DIR
USAGE
}

# The C library this Linux uses: musl systems (Alpine) cannot run glibc builds.
is_musl() {
  for loader in /lib/ld-musl-*; do
    if [ -e "$loader" ]; then
      return 0
    fi
  done
  ldd --version 2>&1 | grep -qi musl
}

has_target() {
  case " $TARGETS " in
    *" $1 "*) return 0 ;;
  esac
  return 1
}

# Prints the target to install, best first: a glibc Linux takes the glibc build and falls back to
# the static musl one; a Mac on Apple silicon takes arm64 and falls back to x64 (Rosetta).
detect_target() {
  kernel=$(uname -s)
  machine=$(uname -m)
  case $kernel in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) fail "this is Windows: use install.ps1 from the same release" ;;
    *) fail "no build for $kernel (this release has: $TARGETS)" ;;
  esac
  case $machine in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64 | armv8*) arch=arm64 ;;
    *) fail "no build for $kernel on $machine (this release has: $TARGETS)" ;;
  esac
  if [ "$os" = macos ] && [ "$arch" = x64 ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || true)" = 1 ]; then
    arch=arm64
  fi
  if [ "$os" = linux ]; then
    if is_musl; then
      candidates="linux-$arch-musl"
    else
      candidates="linux-$arch linux-$arch-musl"
    fi
  elif [ "$arch" = arm64 ]; then
    candidates="macos-arm64 macos-x64"
  else
    candidates="macos-x64"
  fi
  for candidate in $candidates; do
    if has_target "$candidate"; then
      printf '%s\\n' "$candidate"
      return 0
    fi
  done
  fail "no build for this machine ($candidates; this release has: $TARGETS); --target picks one by hand"
}

# download URL FILE. An https base stays https through redirects.
download() {
  if command -v curl >/dev/null 2>&1; then
    case $1 in
      https://*) curl --fail --silent --show-error --location --proto '=https' --proto-redir '=https' --retry 3 --output "$2" "$1" ;;
      *) curl --fail --silent --show-error --location --retry 3 --output "$2" "$1" ;;
    esac
  elif command -v wget >/dev/null 2>&1; then
    # Short options only: BusyBox wget (Alpine) knows no others.
    wget -q -O "$2" "$1"
  else
    fail "neither curl nor wget is installed: install one of them and run this again"
  fi || fail "could not download $1"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -r "$1" | cut -d ' ' -f 1
  else
    fail "no sha256sum, shasum or openssl to check the download with"
  fi
}

main() {
  version=$APP_VERSION
  to=
  target=
  # The variable's name is fixed at the top of this file (letters, digits, _): eval only reads it.
  # Not printenv: BusyBox builds without that applet exist.
  eval "base_url=\\\${$BASE_URL_VARIABLE:-}"
  if [ -z "$base_url" ]; then
    base_url=$DEFAULT_BASE_URL
  fi
  while [ $# -gt 0 ]; do
    case $1 in
      --version | --to | --target | --base-url)
        [ $# -ge 2 ] || fail "$1 needs a value (see --help)"
        case $1 in
          --version) version=$2 ;;
          --to) to=$2 ;;
          --target) target=$2 ;;
          --base-url) base_url=$2 ;;
        esac
        shift 2
        ;;
      --version=*) version=\${1#*=}; shift ;;
      --to=*) to=\${1#*=}; shift ;;
      --target=*) target=\${1#*=}; shift ;;
      --base-url=*) base_url=\${1#*=}; shift ;;
      -h | --help) usage; exit 0 ;;
      *) fail "unknown option $1 (see --help)" ;;
    esac
  done

  # --version v1.2.3 and --version 1.2.3 name the same release.
  if [ -n "$TAG_PREFIX" ]; then
    version=\${version#"$TAG_PREFIX"}
  fi
  case $version in
    '' | *[!0-9A-Za-z.+-]*) fail "--version: expected a version such as $APP_VERSION, got '$version'" ;;
  esac
  if [ -z "$to" ]; then
    [ -n "\${HOME:-}" ] || fail "HOME is not set: pass --to DIR"
    to=$HOME/.local/bin
  fi
  case $base_url in
    http://* | https://*) base_url=\${base_url%/} ;;
    *) fail "--base-url: expected an http(s) URL, got '$base_url'" ;;
  esac
  if [ -n "$target" ]; then
    has_target "$target" || fail "--target: this release has no $target (it has: $TARGETS)"
  else
    target=$(detect_target)
  fi

  tag=$TAG_PREFIX$version
  archive=$APP_NAME-$version-$target.tar.gz
  tmp=$(mktemp -d 2>/dev/null || mktemp -d -t "$APP_NAME-install")
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 1' HUP INT TERM

  say "downloading $base_url/$tag/$archive"
  download "$base_url/$tag/SHA256SUMS" "$tmp/SHA256SUMS"
  download "$base_url/$tag/$archive" "$tmp/$archive"
  expected=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print tolower($1); exit }' "$tmp/SHA256SUMS")
  [ -n "$expected" ] || fail "SHA256SUMS of $tag does not list $archive: refusing to install it"
  actual=$(sha256_of "$tmp/$archive")
  if [ "$actual" != "$expected" ]; then
    fail "$archive: sha256 is $actual but SHA256SUMS says $expected: refusing to install it (nothing was changed)"
  fi
  say "verified sha256 $actual"

  mkdir "$tmp/unpacked"
  tar -xzf "$tmp/$archive" -C "$tmp/unpacked" || fail "could not unpack $archive"
  [ -f "$tmp/unpacked/$APP_BINARY" ] || fail "$archive holds no $APP_BINARY"
  mkdir -p "$to" || fail "could not create $to"
  # Copy next to the destination, then rename: a running copy of the old binary is never overwritten
  # in place, and an interrupted install leaves no half-written file under the real name.
  cp "$tmp/unpacked/$APP_BINARY" "$to/.$APP_BINARY.partial" || fail "could not write to $to"
  chmod 755 "$to/.$APP_BINARY.partial"
  mv -f "$to/.$APP_BINARY.partial" "$to/$APP_BINARY" || fail "could not write $to/$APP_BINARY"
  say "installed $APP_NAME $version ($target) as $to/$APP_BINARY"
  case ":\${PATH:-}:" in
    *":$to:"*) ;;
    *) say "note: $to is not on your PATH; add it with: export PATH=\\"$to:\\$PATH\\"" ;;
  esac
}

# Everything runs from here, after the whole script has arrived: a download cut short by
# \`curl | sh\` runs nothing.
main "$@"
`;function renderInstallSh(facts){let example=`${facts.baseUrl}/${facts.tagPrefix}${facts.version}/install.sh`;return["#!/bin/sh",`# Installs ${facts.binary} from the ${facts.project} release on GitHub: picks the archive for this machine,`,"# checks its sha256 against the release's SHA256SUMS before unpacking, and puts it in ~/.local/bin.",`# Generated by DeployForge for ${facts.project} ${facts.version}.`,"#",`#   curl -fsSL ${example} | sh`,"#   sh install.sh --help","set -eu","",`APP_NAME=${shSingleQuoted(facts.project)}`,`APP_BINARY=${shSingleQuoted(facts.binary)}`,`APP_VERSION=${shSingleQuoted(facts.version)}`,`TAG_PREFIX=${shSingleQuoted(facts.tagPrefix)}`,`DEFAULT_BASE_URL=${shSingleQuoted(facts.baseUrl)}`,`BASE_URL_VARIABLE=${shSingleQuoted(facts.baseUrlVariable)}`,"# The release has a .tar.gz archive for each of these.",`TARGETS=${shSingleQuoted(facts.unixTargets.map(t=>t.id).join(" "))}`,"",INSTALL_SH_BODY].join(`
`)}function renderReleaseInstallers(config,facts){let out=[];for(let kind of configuredInstallers(config))kind==="sh"&&facts.unixTargets.length>0&&out.push({kind,name:INSTALLER_FILES.sh,text:renderInstallSh(facts)}),kind==="ps1"&&facts.windowsTargets.length>0&&out.push({kind,name:INSTALLER_FILES.ps1,text:renderInstallPs1(facts)});return out}async function writeReleaseInstallers(options){if(configuredInstallers(options.config).length===0)return[];let facts=installerFacts(options.config,options.version,options),written=[];for(let installer of renderReleaseInstallers(options.config,facts)){let path=join(options.outDir,installer.name);await writeFile(path,installer.text,{mode:installer.kind==="sh"?493:420}),written.push(path)}return written.length>0&&options.log.info(`installers: ${written.length} script(s) downloading from ${facts.baseUrl}`),written}function sbomFileName(projectName,version){return`${projectName}-${version}.cdx.json`}function isSbomFile(name){return name.endsWith(".cdx.json")||name.endsWith(".spdx.json")}function isReleaseMetadataFile(name){return isSbomFile(name)||/\.(sigstore\.json|intoto\.jsonl|asc|sig)$/.test(name)||name==="SHA256SUMS"}function wildcardToRegExp(pattern){let body=pattern.replace(/[.+^${}()|[\]\\]/g,"\\$&").replace(/\*/g,"[^/]*").replace(/\?/g,"[^/]");return new RegExp(`^${body}$`)}async function walk(dir){let out=[];for(let entry of await readdir(dir,{withFileTypes:!0})){let path=join2(dir,entry.name);entry.isDirectory()?out.push(...await walk(path)):entry.isFile()&&out.push(path)}return out}async function collectArtifacts(spec,cwd){let files=new Set,lines=spec.split(/\r?\n/).map(l=>l.trim()).filter(Boolean);for(let line of lines){let path=resolve(cwd,line),info=await stat(path).catch(()=>{});if(info?.isDirectory())for(let f of await walk(path))files.add(f);else if(info?.isFile())files.add(path);else if(/[*?]/.test(basename(line))){let dir=dirname(path),re=wildcardToRegExp(basename(line)),entries=await readdir(dir,{withFileTypes:!0}).catch(()=>[]);for(let e of entries)e.isFile()&&re.test(e.name)&&files.add(join2(dir,e.name))}else throw ConfigurationError.forInput("artifacts",`"${line}" does not exist (expected a directory, a file, or a pattern like dist/*.tar.gz)`)}if(files.size===0)throw ConfigurationError.forInput("artifacts",`no files found in "${lines.join(", ")}"`);return[...files].sort()}var SIGNATURE_SUFFIXES=[".asc",".sig",".sigstore",".sigstore.json"];function checkArtifactNames(files,loaded,version){let project=loaded.config.project.name,archives=(loaded.config.build?.targets??[]).map(t=>archiveName(project,version.version,t)),names=new Set(files.map(f=>basename2(f))),known=name=>archives.includes(name)||name===SHA256SUMS_NAME||isSbomFile(name)||name===provenanceBundleName(project,version.version)||isConfiguredInstallerFile(loaded.config,name)||isReleasePackageFile(loaded.config,name),signatureOfKnown=name=>SIGNATURE_SUFFIXES.some(suffix=>name.endsWith(suffix)&&known(name.slice(0,-suffix.length)));return{archives,missing:archives.filter(a=>!names.has(a)),unexpected:files.filter(f=>!known(basename2(f))&&!signatureOfKnown(basename2(f)))}}async function collectReleaseArtifacts(spec,cwd,loaded,version){let files=await collectArtifacts(spec,cwd),{archives,missing,unexpected}=checkArtifactNames(files,loaded,version);if(missing.length===0&&unexpected.length===0)return files;let at=loaded.locate(["build","targets"]),where={file:loaded.file,line:at.line,column:at.column,path:"build.targets"},folder=`the artifacts in "${spec.split(/\r?\n/).map(l=>l.trim()).filter(Boolean).join(", ")}"`,diagnostics=[];if(missing.length>0&&diagnostics.push({...where,message:`${folder} lack the archive of ${missing.length} configured target(s): missing ${missing.join(", ")}; build them (or remove the targets) before releasing ${version.tag}`}),unexpected.length>0){let shown=unexpected.map(f=>relative(cwd,f)||f);diagnostics.push({...where,message:`${folder} hold ${unexpected.length} file(s) that are no part of release ${version.tag}: unexpected ${shown.join(", ")}; expected only ${archives.length>0?`${archives.join(", ")}, `:""}SHA256SUMS, an SBOM${installersWord(loaded)} and signatures. Remove or rename them`})}throw new ConfigurationError(`${diagnostics.map(formatDiagnostic).join(`
`)}
Nothing was created or uploaded.`,diagnostics)}function installersWord(loaded){return configuredInstallers(loaded.config).map(k=>`, ${INSTALLER_FILES[k]}`).join("")}async function writeReleaseSbom(options){let[{buildReleaseSbom},{readProjectLockfile}]=await Promise.all([import("./build-release-sbom-RLB5ZBOR.js"),import("./project-lockfile-QW7HNDWQ.js")]),lockfile=await readProjectLockfile(options.projectDir);lockfile||options.log.warning(`SBOM: no Cargo.lock, go.mod or package-lock.json in ${options.projectDir}; the SBOM lists the release archives only`);let subjects=[];for(let file of options.files)subjects.push({name:basename3(file),sha256:options.digests?.get(file)??await sha256File(file)});let text=buildReleaseSbom({projectName:options.projectName,version:options.version,...options.repository?{repository:options.repository}:{},...options.tag?{tag:options.tag}:{},subjects,packages:lockfile?.packages??[],...lockfile?{lockfile:lockfile.file}:{}}),path=join3(options.outDir,sbomFileName(options.projectName,options.version));return await writeFile2(path,text),options.log.info(`SBOM: ${basename3(path)} (${lockfile?`${lockfile.packages.length} packages from ${lockfile.file}, `:""}${subjects.length} archives)`),path}async function withReleaseSbom(enabled,files,options){let none={files:[...files],cleanup:async()=>{}};if(!enabled)return none;let supplied=files.filter(f=>isSbomFile(basename4(f)));if(supplied.length>0)return options.log.info(`SBOM: uploading ${supplied.map(f=>basename4(f)).join(", ")} from the artifacts as is`),none;let archives=files.filter(f=>!isReleaseMetadataFile(basename4(f)));if(options.outDir){let sbom=await writeReleaseSbom({...options,files:archives,outDir:options.outDir});return{files:[...files,sbom],generated:sbom,cleanup:async()=>{}}}let outDir=await mkdtemp(join4(tmpdir(),"deployforge-sbom-"));try{let sbom=await writeReleaseSbom({...options,files:archives,outDir});return{files:[...files,sbom],generated:sbom,cleanup:()=>rm(outDir,{recursive:!0,force:!0})}}catch(error){throw await rm(outDir,{recursive:!0,force:!0}),error}}function linuxArchives(config,version,files){let byName=new Map(files.map(f=>[basename5(f),f])),out=[];for(let target of config.build?.targets??[]){if(!target.startsWith("linux-"))continue;let path=byName.get(archiveName(config.project.name,version.version,target));path&&out.push({target,path})}return out}function suppliedPackageFiles(config,files){return files.filter(f=>isReleasePackageFile(config,basename5(f)))}async function writeReleasePackages(options){if(configuredPackageKinds(options.config).length===0)return[];let archives=linuxArchives(options.config,options.version,options.files),packages=await buildReleasePackages({config:options.config,version:options.version,archives,env:options.env,log:options.log}),written=[];for(let pkg of packages){let path=join5(options.outDir,pkg.name);await writeFile3(path,pkg.data,{mode:420}),written.push(path)}return options.log.info(`linux packages: ${packages.map(p=>p.name).join(", ")}`),written}var signing=()=>import("./src-7EXVY6RG.js");function secretValue(config,env,key){let name=config.release?.[key];if(name===void 0)return;let value=env[name];if(value===void 0||value==="")throw new ConfigurationError(`release.${key}: the secret ${name} is empty or not set here. In the workflow, add it to the repository's (or the environment's) secrets; locally, export ${name}.`);return value}function releaseSigner(options){let{config,env,log}=options,armoredKey=secretValue(config,env,"gpg-key"),passphrase=secretValue(config,env,"gpg-passphrase"),keyless=config.release?.sign===!0;if(keyless&&!keylessIdentityAvailable(env)){if(env.GITHUB_ACTIONS==="true")throw new ConfigurationError("release.sign: keyless signing needs the OIDC token of the job: give it `permissions: id-token: write`");log.warning("release.sign: no OIDC identity outside GitHub Actions, so SHA256SUMS gets no Sigstore signature in this run"),keyless=!1}let names=[...armoredKey?[SHA256SUMS_GPG_NAME]:[],...keyless?[SHA256SUMS_SIGSTORE_NAME]:[]];if(names.length===0)return;let secretNames={keySecret:config.release?.["gpg-key"],passphraseSecret:config.release?.["gpg-passphrase"]},key={armoredKey,...passphrase?{passphrase}:{},...secretNames};return{names,async check(){if(!armoredKey)return;let{fingerprint,userIds}=await(await signing()).checkGpgSigningKey(key);log.info(`GPG: SHA256SUMS will be signed with ${fingerprint}${userIds[0]?` (${userIds[0]})`:""}`)},async sign(sumsPath,wanted,outDir){let written=[];for(let name of wanted){let path=join6(outDir,name);if(name===SHA256SUMS_GPG_NAME)await writeFile4(path,await(await signing()).signDetachedGpg({file:sumsPath,...key}));else if(name===SHA256SUMS_SIGSTORE_NAME)await writeFile4(path,await(await signing()).signKeyless({file:sumsPath,env,...options.sigstore}));else continue;log.info(`signed SHA256SUMS into ${name}`),written.push(path)}return written}}}export{INSTALLER_FILES,writeReleaseInstallers,collectReleaseArtifacts,writeReleaseSbom,withReleaseSbom,suppliedPackageFiles,writeReleasePackages,releaseSigner};
