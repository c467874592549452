/**
 * The fixed part of install.ps1, after the parameters and values renderInstallPs1 states at its top.
 * Windows PowerShell 5.1 and PowerShell 7. No PowerShell runs on our machines: the tests check its
 * structure (balanced blocks, the verify-before-unpack order, the embedded values) instead.
 */
export const INSTALL_PS1_BODY = `function Install-Release {
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
# \`exit\`ed, so \`irm … | iex\` never closes the console it runs in.
Install-Release -Version $Version -To $To -Target $Target -BaseUrl $BaseUrl
`;
