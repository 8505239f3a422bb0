#!/bin/sh
# Checks dist/Deckhand.tar.xz the way a person installing it meets it: the
# tarball holds the binary, the icon, a valid desktop entry that names them,
# and the Makefile that installs them; the binary was built with the app's
# build tag and runs; a user install through that Makefile gives a valid
# entry too. Run it through `make package-check`, which packages first.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
pkg=${1:-dist/Deckhand.tar.xz} # another tarball can be checked the same way

fail() {
	echo "package-check: $*" >&2
	exit 1
}

[ -f "$pkg" ] || fail "$pkg is missing; make package builds it"
list=$(tar -tJf "$pkg") || fail "$pkg is not a readable .tar.xz"
echo "$list"

# fyne package's layout: deckhand/usr/local/... (deckhand/usr/... when the
# machine that packed it had no /usr/local) and deckhand/Makefile.
find_entry() {
	echo "$list" | grep -E "^deckhand/usr/(local/)?$1\$" || fail "no usr/[local/]$1 in $pkg"
}
bin=$(find_entry bin/deckhand)
icon=$(find_entry share/pixmaps/app.deckhand.desktop.png)
entry=$(find_entry share/applications/app.deckhand.desktop.desktop)
echo "$list" | grep -qx 'deckhand/Makefile' || fail "no deckhand/Makefile (the installer) in $pkg"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xJf "$pkg" -C "$tmp"

# The binary: executable, built with -tags migrated_fynedo (the app's
# threading model), and working: the command line needs no display.
[ -x "$tmp/$bin" ] || fail "$bin is not executable"
$GO version -m "$tmp/$bin" | grep -Eq -- '-tags=([^ ]*,)?migrated_fynedo(,|$)' ||
	fail "$bin was not built with -tags migrated_fynedo"
"$tmp/$bin" decks --db "$tmp/check.db" >/dev/null || fail "$bin does not run"

# The icon is the app's own.
cmp -s "$tmp/$icon" assets/icon.png || fail "$icon is not assets/icon.png"

# The desktop entry is valid and names what the package holds.
desktop-file-validate "$tmp/$entry" || fail "$entry is not a valid desktop entry"
for line in 'Type=Application' 'Name=Deckhand' 'Exec=deckhand' 'Icon=app.deckhand.desktop' 'Categories=Office;ProjectManagement;'; do
	grep -qx "$line" "$tmp/$entry" || fail "$entry lacks the line $line"
done
for key in GenericName Comment Keywords; do
	grep -q "^$key=." "$tmp/$entry" || fail "$entry has no $key (FyneApp.toml, [LinuxAndBSD])"
done

# A user install, as the README says, into a scratch home.
home=/home/someone
make -s -C "$tmp/deckhand" user-install DESTDIR="$tmp/root" HOME="$home" >/dev/null ||
	fail "make user-install of the package failed"
installed="$tmp/root$home/.local/share/applications/app.deckhand.desktop.desktop"
desktop-file-validate "$installed" || fail "the installed desktop entry is not valid"
[ -x "$tmp/root$home/.local/bin/deckhand" ] || fail "user-install put no binary in ~/.local/bin"
echo "package-check: $pkg is complete and valid"
