package teamfolder

import (
	"path/filepath"
	"strings"
)

// fileKind is what a name in a workshop's folder is to this laptop.
type fileKind int

const (
	// kindIgnored is not a workshop file: a sync engine's or an editor's
	// temporary file, a system file, anything not .json.
	kindIgnored fileKind = iota
	// kindOwn is this laptop's own file, <device>.json exactly: never read.
	kindOwn
	// kindDevice is another laptop's own file, <device>.json.
	kindDevice
	// kindConflict is a sync engine's conflict copy of a laptop's file (this
	// laptop's own name included, someone else's file renamed): merged,
	// then removed once this laptop's own file carries what it held.
	kindConflict
	// kindOther is any other .json file: merged, never removed.
	kindOther
)

// ignoredNames are system files the engines and file managers leave.
var ignoredNames = map[string]bool{"desktop.ini": true, "thumbs.db": true, ".ds_store": true}

// ignoredEndings are the names of files still being written: Nextcloud's
// and browsers' .part, Syncthing's and many programs' .tmp, .partial.
var ignoredEndings = []string{".tmp", ".part", ".partial", tmpEnding}

// classify says what name, a file's base name, is to the laptop device.
// Hidden names (".", Syncthing's ".syncthing.*.tmp", LibreOffice's
// ".~lock.*", this package's own temporary files) and "~" names (Office's,
// Syncthing's "~syncthing~*.tmp") are ignored: an engine writes them
// before the rename that makes the real file appear.
func classify(name, device string) fileKind {
	lower := strings.ToLower(name)
	switch {
	case name == "" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~"):
		return kindIgnored
	case ignoredNames[lower]:
		return kindIgnored
	case !strings.EqualFold(filepath.Ext(name), ".json"):
		return kindIgnored
	}
	for _, end := range ignoredEndings {
		if strings.HasSuffix(lower, end) {
			return kindIgnored
		}
	}
	base := name[:len(name)-len(".json")]
	switch {
	case base == device:
		return kindOwn
	case isDeviceID(base):
		return kindDevice
	case len(base) > deviceIDLen && isDeviceID(base[:deviceIDLen]):
		// "<dev> (conflicted copy …)", "<dev> (Dropbox's conflicted copy
		// …)", OneDrive's "<dev>-DESKTOP-ABC", Syncthing's
		// "<dev>.sync-conflict-20261201-101010-ABCDEFG".
		return kindConflict
	}
	return kindOther
}

// deviceIDLen is the length of a device id: a UUID as cards.NewID writes it.
const deviceIDLen = 36

// isDeviceID says whether s is written as a device id is: a UUID in lower
// case hexadecimal with its four hyphens.
func isDeviceID(s string) bool {
	if len(s) != deviceIDLen {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
				return false
			}
		}
	}
	return true
}

// safeName says whether a workshop id may name a folder on every system:
// a file from elsewhere could hold any id, and one with a separator or
// ".." would reach outside the team folder.
func safeName(id string) bool {
	if id == "" || len(id) > 100 || strings.HasPrefix(id, ".") {
		return false
	}
	for _, r := range id {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
