#!/usr/bin/env bash
# Makes a Node 24 base image without pulling from an image registry: a Debian bookworm rootfs
# from Debian's own packages (mmdebstrap), the Node 24 binary from the npm package `node@24`,
# and a `node` user (uid 1000) as in the official node:24-bookworm-slim, imported with
# `buildah from scratch`. The runtime Containerfile is then built on top with
# --build-arg NODE_IMAGE=<this image>. The published image keeps the official base.
#
# usage: scripts/image/base.sh <image-name> <work-dir>   (buildah storage options come from
#        BUILDAH_ROOT / BUILDAH_RUNROOT; the driver is vfs, the isolation chroot)
set -euo pipefail
name="${1:?usage: base.sh <image-name> <work-dir>}"
work="${2:?usage: base.sh <image-name> <work-dir>}"
mkdir -p "$work"
storage=(--storage-driver vfs)
[ -n "${BUILDAH_ROOT:-}" ] && storage+=(--root "$BUILDAH_ROOT")
[ -n "${BUILDAH_RUNROOT:-}" ] && storage+=(--runroot "$BUILDAH_RUNROOT")

# Node 24 exactly as npm ships it: the `node` package carries the official binary (the one
# .ci/run already put on PATH is reused).
if node --version 2>/dev/null | grep -q '^v24\.'; then
  node_bin="$(readlink -f "$(command -v node)")"
else
  node_prefix="$work/node24"
  if [ ! -x "$node_prefix/node_modules/node/bin/node" ]; then
    npm install --prefix "$node_prefix" --no-save --no-audit --no-fund --loglevel=error node@24 >/dev/null
  fi
  node_bin="$node_prefix/node_modules/node/bin/node"
fi
"$node_bin" --version | grep -q '^v24\.' || { echo "base.sh: $node_bin is not Node 24" >&2; exit 1; }

rootfs="$work/rootfs.tar"
rm -f "$rootfs"
mmdebstrap --quiet --variant=minbase --include=ca-certificates \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook="copy-in $node_bin /usr/local/bin" \
  --customize-hook='chroot "$1" groupadd --gid 1000 node' \
  --customize-hook='chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
  bookworm "$rootfs"

container=$(buildah "${storage[@]}" from --quiet scratch)
trap 'buildah "${storage[@]}" rm "$container" >/dev/null 2>&1 || true' EXIT
buildah "${storage[@]}" add --quiet "$container" "$rootfs" /
buildah "${storage[@]}" config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$("$node_bin" --version | sed 's/^v//')" \
  --cmd node \
  --label org.opencontainers.image.description="Debian bookworm (mmdebstrap) + Node $("$node_bin" --version) from the npm package node@24" \
  "$container"
buildah "${storage[@]}" commit --quiet --rm "$container" "$name" >/dev/null
trap - EXIT
rm -f "$rootfs"
echo "$name"
