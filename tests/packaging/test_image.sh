#!/usr/bin/env bash
# The worker image archive: built offline from the build, readable by skopeo (digests checked by
# a copy), and its filesystem runs the worker by itself (chroot, as nobody) when we are root.
set -euo pipefail
# grep reads the whole of a pipe (no -q): a writer cut off early would fail the pipe.
root="$1"
build="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash "$root/packaging/image.sh" "$build" "$work/worker.tar" example.invalid/meshdeck-loadgen:test
tar -tf "$work/worker.tar" | grep -x './oci-layout' >/dev/null
tar -tf "$work/worker.tar" | grep -x './index.json' >/dev/null
mkdir "$work/layout"
tar -xf "$work/worker.tar" -C "$work/layout"
grep -q '"io.containerd.image.name":"example.invalid/meshdeck-loadgen:test"' "$work/layout/index.json"
if command -v skopeo >/dev/null 2>&1; then
    skopeo inspect oci-archive:"$work/worker.tar" | grep '"Architecture"' >/dev/null
    skopeo inspect --config oci-archive:"$work/worker.tar" | grep '/usr/bin/meshdeck-loadgen' >/dev/null
    skopeo copy --quiet oci-archive:"$work/worker.tar" dir:"$work/copy" # verifies every digest
else
    echo "skopeo not installed: layout checked without it"
fi
if [ "$(id -u)" -eq 0 ] && command -v chroot >/dev/null 2>&1; then
    manifest="$(sed -n 's/.*"digest":"sha256:\([0-9a-f]*\)".*/\1/p' "$work/layout/index.json")"
    layer="$(grep -o '"layers":\[{[^]]*' "$work/layout/blobs/sha256/$manifest" | sed -n 's/.*"digest":"sha256:\([0-9a-f]*\)".*/\1/p')"
    mkdir "$work/rootfs"
    tar -xzf "$work/layout/blobs/sha256/$layer" -C "$work/rootfs"
    chroot --userspec=65534:65534 "$work/rootfs" /usr/bin/meshdeck-loadgen --help | grep 'MESHDECK_LOADGEN_PROFILE' >/dev/null
    echo "the image's filesystem runs the worker on its own"
fi
echo "worker image OK"
