#!/usr/bin/env python3
# Checks the Flatpak manifest, which cannot be built here (no Flathub): it
# must be valid JSON, name our id and command, build Starling with meson on
# the GNOME runtime, and ask for no more than a networked GNOME app needs.
import json
import sys

path = sys.argv[1]
failures = []

def check(cond, message):
    if not cond:
        failures.append(message)

with open(path, encoding="utf-8") as f:
    try:
        manifest = json.load(f)
    except json.JSONDecodeError as e:
        print(f"{path}: not valid JSON: {e}")
        sys.exit(1)

check(manifest.get("id") == "io.github.starlingapp.Starling", "id is not io.github.starlingapp.Starling")
check(manifest.get("command") == "starling", "command is not starling")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
version = str(manifest.get("runtime-version", ""))
check(version.isdigit() and int(version) >= 48, f"runtime-version {version!r} is not a current GNOME runtime")

args = manifest.get("finish-args", [])
for needed in ["--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]:
    check(needed in args, f"finish-args lack {needed}")
for arg in args:
    check(not arg.startswith("--filesystem="), f"finish-args grant file system access: {arg}")
    check(arg != "--socket=session-bus", "finish-args grant the whole session bus")
    check(arg != "--socket=x11", "finish-args use --socket=x11 instead of fallback-x11")
    check(arg != "--device=all", "finish-args grant every device")

modules = manifest.get("modules", [])
check(isinstance(modules, list) and modules, "no modules")
last = modules[-1] if modules else {}
check(isinstance(last, dict) and last.get("name") == "starling", "the last module is not starling")
check(isinstance(last, dict) and last.get("buildsystem") == "meson", "starling is not built with meson")
check(isinstance(last, dict) and last.get("sources"), "starling has no sources")

if failures:
    for f in failures:
        print(f"{path}: {f}")
    sys.exit(1)
print(f"{path}: valid, runtime org.gnome.Platform//{version}, {len(modules)} module(s)")
