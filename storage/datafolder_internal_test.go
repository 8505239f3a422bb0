package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Each platform keeps the database where its people look for an
// application's data, and Linux where every Deckhand before kept it.
func TestDataFolderIsThePlatformsOwn(t *testing.T) {
	home := func() (string, error) { return "/home/aino", nil }
	noHome := func() (string, error) { return "", errors.New("$HOME is not defined") }
	tests := []struct {
		name, goos string
		env        map[string]string
		home       func() (string, error)
		want       string
		wantErr    bool
	}{
		{"Linux", "linux", nil, home, "/home/aino/.local/share/deckhand", false},
		{"Linux with XDG_DATA_HOME", "linux", map[string]string{"XDG_DATA_HOME": "/data/aino"}, home, "/data/aino/deckhand", false},
		{"Linux without a home", "linux", nil, noHome, "", true},
		{"FreeBSD", "freebsd", nil, home, "/home/aino/.local/share/deckhand", false},
		{"macOS", "darwin", map[string]string{"XDG_DATA_HOME": "/data/aino"}, func() (string, error) { return "/Users/aino", nil }, "/Users/aino/Library/Application Support/Deckhand", false},
		{"macOS without a home", "darwin", nil, noHome, "", true},
		{"Windows", "windows", map[string]string{"APPDATA": `C:\Users\aino\AppData\Roaming`, "XDG_DATA_HOME": "/data/aino"}, home, filepath.Join(`C:\Users\aino\AppData\Roaming`, "Deckhand"), false},
		{"Windows without AppData", "windows", nil, home, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dataFolder(tt.goos, func(k string) string { return tt.env[k] }, tt.home)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("dataFolder(%s) = %q, %v; want %q (error: %v)", tt.goos, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDefaultPathIsMadeInTheDataFolder(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_DATA_HOME", base)
	got, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(base, "deckhand", "deckhand.db"); got != want {
		t.Errorf("DefaultPath() = %q, want %q", got, want)
	}
	if info, err := os.Stat(filepath.Dir(got)); err != nil || !info.IsDir() {
		t.Errorf("the data folder %s was not made: %v", filepath.Dir(got), err)
	}
}
