package storage

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestConnectPragmasAskForFullFsyncOnMacOSOnly(t *testing.T) {
	full := []string{"PRAGMA fullfsync = ON", "PRAGMA checkpoint_fullfsync = ON"}
	for goos, want := range map[string][]string{"darwin": full, "ios": full, "linux": nil, "windows": nil, "freebsd": nil} {
		if got := connectPragmas(goos); !slices.Equal(got, want) {
			t.Errorf("connectPragmas(%q) = %q, want %q", goos, got, want)
		}
	}
}

// The store's own connection runs them: on macOS both flags are on, and
// elsewhere SQLite's default (off) stays.
func TestStoreConnectionHasFullFsyncOnlyOnMacOS(t *testing.T) {
	defer func(p string) { platform = p }(platform)
	for goos, want := range map[string]int{"darwin": 1, "linux": 0, "windows": 0} {
		t.Run(goos, func(t *testing.T) {
			platform = goos
			s, err := Open(filepath.Join(t.TempDir(), "deckhand.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, pragma := range []string{"fullfsync", "checkpoint_fullfsync"} {
				var got int
				if err := s.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("PRAGMA %s = %d on %s, want %d", pragma, got, goos, want)
				}
			}
		})
	}
}
