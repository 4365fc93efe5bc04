#!/usr/bin/env bash
# Meshdeck developer entry point: set-up, build, run, test, package.
#
#   packaging/dev.sh run [ARGS...]   install what is missing, build, launch the app
#   packaging/dev.sh test [CTEST...] install what is missing, build, run the tests (offscreen)
#   packaging/dev.sh bench           build and run the benchmarks (ctest label "bench")
#   packaging/dev.sh package         build a .deb with CPack into build/
#   packaging/dev.sh image           build the in-cluster worker's OCI image archive into build/
#   packaging/dev.sh setup           only install the missing Debian packages
#   packaging/dev.sh build           only configure and build
#
# Environment: MESHDECK_BUILD_DIR (default: build), MESHDECK_BUILD_TYPE (default: RelWithDebInfo),
# CI=true turns warnings into errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ccache: paths relative to the checkout, so that another clone of the same sources (CI's)
# reuses what was compiled before.
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true
BUILD_DIR="${MESHDECK_BUILD_DIR:-$ROOT/build}"
BUILD_TYPE="${MESHDECK_BUILD_TYPE:-RelWithDebInfo}"

# Debian 12 (bookworm) packages needed to build, test and package Meshdeck.
PACKAGES=(
    build-essential cmake pkg-config ninja-build ccache file dpkg-dev
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-websockets-dev libvterm-dev zlib1g-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6opengl6-dev libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
    libyaml-cpp-dev libcurl4-openssl-dev libssl-dev libprotobuf-dev protobuf-compiler
    libcpp-httplib-dev libevent-dev libhttp-parser-dev libnghttp2-dev libwslay-dev nghttp2-client nghttp2-server openssl ca-certificates wrk prometheus skopeo
    python3-kubernetes python3-grpcio
    qtkeychain-qt6-dev gnome-keyring dbus
    xvfb xauth desktop-file-utils appstream
)

# Peers the benchmarks measure against, installed only by `dev.sh bench`.
BENCH_PACKAGES=(nginx)

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*': run as root or install sudo"
    fi
}

missing_packages() {
    local pkg
    for pkg in "${PACKAGES[@]}" "${EXTRA_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
    # The tests drive the real kubectl; any kubectl on PATH will do, else Debian's.
    if ! command -v kubectl >/dev/null 2>&1; then
        printf '%s\n' kubernetes-client
    fi
}

setup() {
    command -v dpkg-query >/dev/null 2>&1 || die "this script expects Debian 12 (dpkg-query not found)"
    local missing
    missing="$(missing_packages)"
    if [ -z "$missing" ]; then
        log "All required Debian packages are installed"
        return
    fi
    # shellcheck disable=SC2086
    log "Installing missing packages: $(echo $missing)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

configure() {
    local args=(-S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE")
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
        args+=(-G Ninja)
    fi
    if command -v ccache >/dev/null 2>&1; then
        args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    if [ "${CI:-}" = "true" ]; then
        args+=(-DMESHDECK_WERROR=ON)
    fi
    log "Configuring in $BUILD_DIR"
    cmake "${args[@]}" >/dev/null
}

build() {
    configure
    log "Building"
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

have_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]
}

EXTRA_PACKAGES=()
cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
    setup)
        setup
        ;;
    build)
        setup
        build
        ;;
    run)
        setup
        build
        if ! have_display; then
            die "no display found: run it from a desktop session, or as 'xvfb-run -a packaging/dev.sh run'"
        fi
        log "Starting Meshdeck"
        # The built-in demo cluster, so that there is something to look at without a cluster.
        exec "$BUILD_DIR/app/meshdeck" --demo "$@"
        ;;
    test)
        setup
        build
        log "Running tests (offscreen)"
        cd "$BUILD_DIR"
        QT_QPA_PLATFORM=offscreen ctest --output-on-failure --label-exclude bench \
            --parallel "$(nproc)" --timeout 600 "$@"
        ;;
    bench)
        EXTRA_PACKAGES=("${BENCH_PACKAGES[@]}")
        setup
        build
        log "Running benchmarks"
        cd "$BUILD_DIR"
        QT_QPA_PLATFORM=offscreen ctest --verbose --label-regex bench "$@"
        ;;
    image)
        setup
        build
        version="$(sed -n 's/^#define MESHDECK_VERSION "\(.*\)"$/\1/p' "$BUILD_DIR/generated/meshdeck_version.h")"
        log "Building the worker image"
        bash "$ROOT/packaging/image.sh" "$BUILD_DIR" \
            "$BUILD_DIR/meshdeck-loadgen_${version}_$(dpkg --print-architecture).oci.tar" "$@"
        ;;
    package)
        setup
        build
        log "Packaging"
        cd "$BUILD_DIR"
        cpack -G DEB
        ls -1 "$BUILD_DIR"/*.deb
        ;;
    ""|-h|--help|help)
        sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
        [ -n "$cmd" ] || exit 2
        ;;
    *)
        die "unknown command '$cmd' (use run, test, bench, package, image, setup or build)"
        ;;
esac
