#!/bin/sh
# Runs a command in a D-Bus session of its own, with a fresh GNOME Keyring
# unlocked by a throw-away password, and fresh HOME and XDG folders that are
# removed afterwards. The command sees the folders in HOME, XDG_DATA_HOME,
# XDG_CONFIG_HOME, XDG_CACHE_HOME and STARLING_TEST_ROOT, and the keyring's
# password in STARLING_TEST_KEYRING_PASSWORD (to unlock it again).
#
# Only the command writes to standard output (a TAP stream): the keyring
# daemon, the bus and what the bus starts (the unlock prompter) write to a
# log, shown on standard error when the command fails.
#
#   sh tests/with-keyring.sh COMMAND [ARGUMENT…]
set -eu

if [ -z "${STARLING_KEYRING_SESSION:-}" ]; then
  log=$(mktemp "${TMPDIR:-/tmp}/starling-keyring-log.XXXXXX")
  # The bus and what it activates get no display, so a locked keyring fails
  # at once instead of waiting for a prompt nobody sees; the command gets
  # the display back below. File descriptors 3 and 4 carry the command's
  # own output past the bus's, which goes to the log.
  status=0
  STARLING_KEYRING_SESSION=1 STARLING_KEYRING_LOG="$log" \
  STARLING_SAVED_DISPLAY="${DISPLAY:-}" STARLING_SAVED_WAYLAND_DISPLAY="${WAYLAND_DISPLAY:-}" \
    env -u DISPLAY -u WAYLAND_DISPLAY dbus-run-session -- sh "$0" "$@" 3>&1 4>&2 >>"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ] && [ -s "$log" ]; then
    echo "# The keyring's and the bus's log:" >&2
    sed 's/^/# /' "$log" >&2
  fi
  rm -f "$log"
  exit "$status"
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/starling-keyring.XXXXXX")
cleanup () {
  if [ -n "${GNOME_KEYRING_PID:-}" ]; then
    kill "$GNOME_KEYRING_PID" 2>/dev/null || true
  fi
  rm -rf "$root"
}
trap cleanup EXIT INT TERM

export STARLING_TEST_ROOT="$root"
export HOME="$root/home"
export XDG_DATA_HOME="$root/data"
export XDG_CONFIG_HOME="$root/config"
export XDG_CACHE_HOME="$root/cache"
export XDG_RUNTIME_DIR="$root/runtime"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

export STARLING_TEST_KEYRING_PASSWORD="starling-test-keyring"

# The daemon prints the variables that lead to it. It must not inherit the
# tests' G_DEBUG=fatal-warnings: a warning of its own would kill it. What it
# says besides goes to the log, never into the command's output.
daemon () {
  env -u G_DEBUG -u G_MESSAGES_DEBUG -u MALLOC_PERTURB_ gnome-keyring-daemon "$@" 2>>"$STARLING_KEYRING_LOG"
}
eval "$(printf '%s' "$STARLING_TEST_KEYRING_PASSWORD" | daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
# --start makes that daemon take its name on the bus now; otherwise the bus
# would activate a second daemon on first use, and the two would race.
eval "$(daemon --start --components=secrets)"

if [ -n "${STARLING_SAVED_DISPLAY:-}" ]; then
  export DISPLAY="$STARLING_SAVED_DISPLAY"
fi
if [ -n "${STARLING_SAVED_WAYLAND_DISPLAY:-}" ]; then
  export WAYLAND_DISPLAY="$STARLING_SAVED_WAYLAND_DISPLAY"
fi

status=0
"$@" >&3 2>&4 3>&- 4>&- || status=$?
exit "$status"
