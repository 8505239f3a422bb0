#!/bin/sh
# Builds the Windows package, dist/Deckhand-windows-amd64.zip, on Linux
# with the mingw-w64 cross-compiler: Deckhand.exe (the desktop app, with
# its icon and version resource, linked as a GUI program by the pinned
# `fyne package`, see package.sh), deckhand-cli.exe (the command line, a
# console program: Windows starts a GUI program without a console, so the
# desktop app's commands would print nothing there), the fonts' licence
# and a short READ-ME in Swedish, Finnish and English. Run it through
# `make package-windows`.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
root=$PWD
cc="${WINDOWS_CC:-x86_64-w64-mingw32-gcc}"

stage=dist/windows/Deckhand
zip=dist/Deckhand-windows-amd64.zip
rm -rf dist/windows "$zip"
mkdir -p "$stage"

# fyne package raises Build in FyneApp.toml; put it back (see package.sh).
keep=$(mktemp)
cp FyneApp.toml "$keep"
# fyne package writes fyne_metadata_init.go into the source folder while it
# builds; an interrupted run must not leave it behind for gofmt and go vet.
trap 'cp "$keep" "$root/FyneApp.toml"; rm -f "$keep" "$root/fyne_metadata_init.go"' EXIT

# The packaging tool is built for this machine first; it then builds the
# app for Windows itself (GOOS from --os, cgo with the mingw compiler).
# It renames the program it built to Deckhand.exe in the source folder,
# so it builds it there, and the program is moved into the package.
$GO build -modfile=scripts/fyne.mod -o dist/windows/fyne fyne.io/tools/cmd/fyne
CC="$cc" GOARCH=amd64 dist/windows/fyne package --os windows --release --src . --executable "$root/Deckhand.exe"
mv Deckhand.exe "$stage/Deckhand.exe"
rm dist/windows/fyne
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$cc" $GO build -trimpath -ldflags "-s -w" -tags migrated_fynedo -o "$stage/deckhand-cli.exe" ./cmd/deckhand-cli

cp assets/fonts/LICENSE-LiberationSans.txt "$stage/"
# Notepad on older Windows wants CRLF line ends.
sed 's/$/\r/' scripts/windows/README.txt > "$stage/README.txt"
(cd dist/windows && zip -q -r -X "$root/$zip" Deckhand)
echo "$zip"
