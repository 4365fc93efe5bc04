#!/usr/bin/env bash
# Builds the OCI image archive of Meshdeck's in-cluster load worker (meshdeck-loadgen) from the
# build and the Debian libraries it links, offline: no registry, no base image.
#
#   packaging/image.sh BUILD_DIR OUTPUT.tar [IMAGE_REF]
#
# The archive is an OCI image layout in a tar file (an "oci-archive"): load it with
# `podman load -i OUTPUT.tar`, `ctr images import OUTPUT.tar` or `kind load image-archive
# OUTPUT.tar`, and inspect it with `skopeo inspect oci-archive:OUTPUT.tar`. The image holds the
# worker, the shared libraries it needs (as ldd finds them), their loader, and an unprivileged
# user; its entrypoint is the worker, running as nobody.
set -euo pipefail

build="${1:?usage: image.sh BUILD_DIR OUTPUT.tar [IMAGE_REF]}"
output="${2:?usage: image.sh BUILD_DIR OUTPUT.tar [IMAGE_REF]}"
binary="$build/app/meshdeck-loadgen"
[ -x "$binary" ] || { echo "image.sh: $binary is missing: build first (packaging/dev.sh build)" >&2; exit 1; }
version="$(sed -n 's/^#define MESHDECK_VERSION "\(.*\)"$/\1/p' "$build/generated/meshdeck_version.h")"
ref="${3:-ghcr.io/meshdeck/meshdeck-loadgen:$version}"
arch="$(dpkg --print-architecture)"
created="1970-01-01T00:00:00Z" # reproducible: the same build gives the same digests

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/usr/bin" "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"
install -m 0755 "$binary" "$root/usr/bin/meshdeck-loadgen"
if command -v strip >/dev/null 2>&1; then
    strip --strip-unneeded "$root/usr/bin/meshdeck-loadgen"
fi
# The libraries as the dynamic loader resolves them here, and the loader itself.
ldd "$binary" | awk '/=> \// { print $3 } /^[[:space:]]*\// { print $1 }' | sort -u |
while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done
# Debian keeps the loader under /lib64 as a link into /lib/x86_64-linux-gnu (usrmerge).
for dir in lib lib64; do
    if [ -d "$root/$dir" ] && [ ! -L "$root/$dir" ]; then
        mkdir -p "$root/usr/$dir"
        cp -a "$root/$dir/." "$root/usr/$dir/"
        rm -rf "${root:?}/$dir"
    fi
    [ -d "$root/usr/$dir" ] && ln -s "usr/$dir" "$root/$dir"
done
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

layout="$work/layout"
mkdir -p "$layout/blobs/sha256"
blob() { # file -> prints "digest size" and stores the file as a blob
    local digest size
    digest="$(sha256sum "$1" | cut -d' ' -f1)"
    size="$(stat -c %s "$1")"
    cp "$1" "$layout/blobs/sha256/$digest"
    echo "$digest $size"
}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@0" -C "$root" -cf "$work/layer.tar" .
diffid="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
gzip -n -9 -c "$work/layer.tar" >"$work/layer.tar.gz"
read -r layer layersize < <(blob "$work/layer.tar.gz")

cat >"$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"$created","config":{"User":"65534:65534","Entrypoint":["/usr/bin/meshdeck-loadgen"],"Env":["PATH=/usr/bin:/bin"],"WorkingDir":"/tmp","Labels":{"org.opencontainers.image.title":"meshdeck-loadgen","org.opencontainers.image.description":"Meshdeck's in-cluster load worker","org.opencontainers.image.version":"$version"}},"rootfs":{"type":"layers","diff_ids":["sha256:$diffid"]},"history":[{"created":"$created","created_by":"packaging/image.sh"}]}
JSON
read -r config configsize < <(blob "$work/config.json")
cat >"$work/manifest.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$config","size":$configsize},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:$layer","size":$layersize}]}
JSON
read -r manifest manifestsize < <(blob "$work/manifest.json")
cat >"$layout/index.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:$manifest","size":$manifestsize,"annotations":{"org.opencontainers.image.ref.name":"${ref##*:}","io.containerd.image.name":"$ref"},"platform":{"architecture":"$arch","os":"linux"}}]}
JSON
printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
mkdir -p "$(dirname "$output")"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@0" -C "$layout" -cf "$output" .
echo "$output: $ref ($arch, layer $(( layersize / 1024 / 1024 )) MiB compressed)"
