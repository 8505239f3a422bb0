#!/bin/sh
# Builds the Linux desktop package, dist/Deckhand.tar.xz: the binary, the
# icon and a desktop entry, with the Makefile `fyne package` writes for
# installing them (see README, Install). Run it through `make package`.
#
# The packaging command is fyne's, pinned in scripts/fyne.mod rather than in
# go.mod: fyne.io/tools v1.7.4 requires fyne v2.8, and a tool in go.mod
# shares the app's module graph, so it would move the app itself to another
# Fyne. With its own module file the tool gets its own graph, and the app's
# build still uses go.mod.
#
# fyne package builds the binary itself, with hardened C flags, and for
# --release with -trimpath and without symbols. It adds -tags
# migrated_fynedo because FyneApp.toml declares [Migrations] fyneDo; a
# --tags migrated_fynedo here would only repeat it (package-check looks for
# the tag in the binary).
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}

mkdir -p dist
rm -rf dist/Deckhand.tar.xz dist/build

# fyne package raises Build in FyneApp.toml after every package and
# rewrites the file. The build number is set by hand for a release and
# committed; a local package (or package-check) must not change it, so the
# file is put back as it was.
root=$PWD
keep=$(mktemp)
cp FyneApp.toml "$keep"
# fyne package writes fyne_metadata_init.go into the source folder while it
# builds; an interrupted run must not leave it behind for gofmt and go vet.
trap 'cp "$keep" "$root/FyneApp.toml"; rm -f "$keep" "$root/fyne_metadata_init.go"' EXIT

# Run from dist/ so that fyne's staging folder and the tarball land there;
# --executable names where the binary is built (and removed again once it
# is packed), so the ./deckhand of make build is left alone.
cd dist
$GO tool -modfile=../scripts/fyne.mod fyne package --os linux --release --src .. --executable "$PWD/build/deckhand"
rmdir build 2>/dev/null || true
echo "dist/Deckhand.tar.xz"
