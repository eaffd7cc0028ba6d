#!/usr/bin/env bash
# Runs every test on a fresh Debian machine with the .NET SDK: installs what the tests need
# (they start their own Mosquitto, PostgreSQL, socat pseudo-terminals and Chromium), restores
# with the lock files, then runs the solution's tests. Extra arguments go to `dotnet test`,
# e.g. ./test.sh --filter FullyQualifiedName~Telemetry
set -euo pipefail
cd "$(dirname "$0")"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# iputils-ping: the camera ICMP check falls back to it when the tests do not run as root.
# fonts-liberation: Chromium (the browser tests) needs at least one font to lay pages out.
# poppler-utils: the report tests read the PDFs back with pdftotext.
# clang, zlib1g-dev: the NativeAOT gateway build the end-to-end tests publish (AotBuildTests) links with them.
# fonts-noto-cjk: Chinese in the PDFs (Noto Sans CJK SC) and on the browser tests' screenshots; libicu72: zh-CN formatting.
packages=(mosquitto mosquitto-clients postgresql socat chromium poppler-utils iputils-ping fonts-liberation clang zlib1g-dev fonts-noto-cjk libicu72)
need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${need[*]} (apt)..."
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The Debian packages start system services the tests do not use; they run their own servers.
  $sudo service mosquitto stop >/dev/null 2>&1 || true
  $sudo service postgresql stop >/dev/null 2>&1 || true
fi

dotnet --info | head -n 3
dotnet restore AfterSales.sln --locked-mode
dotnet test AfterSales.sln --no-restore "$@"
