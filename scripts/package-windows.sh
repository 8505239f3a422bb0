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
export GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="${WINDOWS_CC:-x86_64-w64-mingw32-gcc}"

stage=dist/windows/Deckhand
zip=dist/Deckhand-windows-amd64.zip
rm -rf dist/windows "$zip"
mkdir -p "$stage"

# fyne package raises Build in FyneApp.toml; put it back (see package.sh).
keep=$(mktemp)
cp FyneApp.toml "$keep"
trap 'cp "$keep" "$root/FyneApp.toml"; rm -f "$keep"' EXIT

# fyne package renames the program it built to Deckhand.exe in the folder
# it runs in, so it runs in the staging folder and builds into it.
(cd "$stage" && $GO tool -modfile="$root/scripts/fyne.mod" fyne package --os windows --release --src "$root" --executable "$PWD/Deckhand.exe")
$GO build -trimpath -ldflags "-s -w" -tags migrated_fynedo -o "$stage/deckhand-cli.exe" ./cmd/deckhand-cli

cp assets/fonts/LICENSE-LiberationSans.txt "$stage/"
# Notepad on older Windows wants CRLF line ends.
sed 's/$/\r/' scripts/windows/README.txt > "$stage/README.txt"
(cd dist/windows && zip -q -r -X "$root/$zip" Deckhand)
echo "$zip"
