#!/bin/sh
# Runs a test in a private D-Bus session with an unlocked GNOME Keyring (the Secret Service
# QtKeychain speaks to), in temporary home and runtime folders: nothing of the user's is touched.
set -e
XDG_RUNTIME_DIR=$(mktemp -d)
HOME=$(mktemp -d)
export XDG_RUNTIME_DIR HOME MESHDECK_TEST_KEYRING=1
trap 'rm -rf "$XDG_RUNTIME_DIR" "$HOME"' EXIT
dbus-run-session -- sh -c 'printf "meshdeck-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
