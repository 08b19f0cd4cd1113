#!/usr/bin/env bash
# Installs what the real-editor tests need (chromium, neovim, code-server 4.100.3); idempotent, offline-friendly.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CS_DIR="$ROOT/.vscode-test/code-server"
CS_VERSION=4.100.3
LOG="${TMPDIR:-/tmp}/corroborate-install-editor-deps.log"
: >"$LOG"

fail() { echo "install-editor-deps: $1 (log: $LOG)"; tail -n 30 "$LOG"; exit 1; }

missing=()
for bin in chromium nvim rg; do command -v "$bin" >/dev/null 2>&1 || missing+=("$bin"); done
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "install-editor-deps: missing ${missing[*]}; run as root or: sudo apt-get install -y chromium neovim libkrb5-dev ripgrep"; exit 1; }
  echo "install-editor-deps: apt-get install (missing: ${missing[*]})"
  { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium neovim libkrb5-dev ripgrep; } >>"$LOG" 2>&1 || fail "apt-get failed"
fi

if [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "install-editor-deps: code-server $CS_VERSION already in .vscode-test/code-server"
  exit 0
fi

echo "install-editor-deps: installing code-server@$CS_VERSION into .vscode-test/code-server (about 80 s)"
# @vscode/ripgrep's postinstall downloads ripgrep; seed its cache with Debian's rg instead.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
[ -s "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ] ||
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
mkdir -p "$CS_DIR"
[ -f "$CS_DIR/package.json" ] || echo '{"name":"code-server-host","private":true}' >"$CS_DIR/package.json"
(
  cd "$CS_DIR"
  npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund "code-server@$CS_VERSION"
) >>"$LOG" 2>&1 || fail "npm install code-server@$CS_VERSION failed"
[ -x "$CS_DIR/node_modules/.bin/code-server" ] || fail "code-server binary not found after install"
echo "install-editor-deps: code-server $CS_VERSION installed"
