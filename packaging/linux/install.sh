#!/usr/bin/env bash
# Install the Linux bundle for the current user (no root): program, launcher, menu entry and icon.
#   bash packaging/build.sh && bash packaging/linux/install.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x dist/GazetteReader/GazetteReader ] || { echo "build the bundle first: bash packaging/build.sh" >&2; exit 1; }
PREFIX=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$PREFIX/gazette-reader" "$HOME/.local/bin" "$PREFIX/applications" "$PREFIX/icons/hicolor/256x256/apps"
rm -rf "$PREFIX/gazette-reader/app"
cp -a dist/GazetteReader "$PREFIX/gazette-reader/app"
ln -sf "$PREFIX/gazette-reader/app/GazetteReader" "$HOME/.local/bin/GazetteReader"
cp packaging/linux/gazette-reader.desktop "$PREFIX/applications/"
cp resources/icons/gazette-reader.png "$PREFIX/icons/hicolor/256x256/apps/gazette-reader.png"
echo "Installed. Start it from the menu (公报阅读器) or with: GazetteReader"
echo "Your data stays in ${XDG_DATA_HOME:-$HOME/.local/share}/GazetteReader (not touched by reinstalling)."
