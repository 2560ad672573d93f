#!/usr/bin/env bash
# Install code-server 4.100.3 (the newest that runs on Node 20) from npm into a cache
# folder, offline-safe apart from the npm registry. Idempotent: does nothing when that
# version is already there. Usage: install_code_server.sh DEST
# Needs Debian's libkrb5-dev pkg-config ripgrep (see tests/vscode/README.md).
# Workarounds, each needed on a machine that reaches only the npm registry:
#  - @vscode/ripgrep's postinstall downloads rg from GitHub: seed its cache with Debian's rg;
#  - root needs unsafe-perm for the postinstall, and npx (node-gyp) must not prompt;
#  - recent npm 11 blocks dependency install scripts unless allowed; code-server's
#    postinstall runs further npm installs, so allow them through the environment.
set -euo pipefail
VERSION=4.100.3
RG_VERSION=v13.0.0-10
RG_CACHE=vscode-ripgrep-cache-1.15.11
dest=${1:?usage: install_code_server.sh DEST}
bin="$dest/node_modules/.bin/code-server"

if [[ -x "$bin" ]] && XDG_CONFIG_HOME="$dest/tmp" "$bin" --version 2>/dev/null | grep -q "^$VERSION "; then
  exit 0
fi
for tool in node npm rg pkg-config; do
  command -v "$tool" >/dev/null || { echo "install_code_server.sh: '$tool' is missing: apt-get install -y libkrb5-dev pkg-config ripgrep (and Node 20 + npm)" >&2; exit 1; }
done
[[ -e /usr/include/krb5.h || -e /usr/include/krb5/krb5.h ]] || { echo "install_code_server.sh: Kerberos headers missing: apt-get install -y libkrb5-dev" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest/tmp/$RG_CACHE"
tar czf "$dest/tmp/$RG_CACHE/ripgrep-$RG_VERSION-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
echo '{"name": "tilint-e2e-code-server", "private": true}' > "$dest/package.json"
cd "$dest"
TMPDIR="$dest/tmp" \
  npm_config_unsafe_perm=true \
  npm_config_yes=true \
  npm_config_dangerously_allow_all_scripts=true \
  npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
  npm install --no-save --no-package-lock "code-server@$VERSION"
XDG_CONFIG_HOME="$dest/tmp" "$bin" --version
