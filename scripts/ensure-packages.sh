#!/bin/sh
# Installs the Debian packages named as arguments when any is missing.
# On a system without apt-get it names what is missing and fails, so the
# person knows exactly what to install with their own package manager.
set -eu
missing=""
for pkg in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $pkg"
	fi
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "Deckhand needs these packages (or your system's equivalents):$missing" >&2
	echo "This system has no apt-get: install them with your package manager, then run make again." >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "Installing$missing needs root; run as root or install sudo." >&2
		exit 1
	fi
	sudo="sudo"
fi
echo "Installing missing packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
