#!/bin/sh
# Install the unpacked bundle for the current user (or system-wide with PREFIX=/opt as root).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/icons/hicolor/scalable/apps"
rm -rf "$prefix/lib/livercalc-desktop"
cp -R "$here/livercalc-desktop" "$prefix/lib/livercalc-desktop"
ln -sf "$prefix/lib/livercalc-desktop/livercalc-desktop" "$prefix/bin/livercalc-desktop"
cp "$here/org.livercalc.LiverCalcDesktop.desktop" "$prefix/share/applications/"
cp "$here/org.livercalc.LiverCalcDesktop.svg" "$prefix/share/icons/hicolor/scalable/apps/"
echo "Installed to $prefix. Start it from the applications menu or run: livercalc-desktop"
