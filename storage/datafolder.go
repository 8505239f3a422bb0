package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// DefaultPath is the user's own database file, deckhand.db in the
// platform's folder for an application's data (dataFolder). The folder is
// created when missing.
func DefaultPath() (string, error) {
	dir, err := dataFolder(platform, os.Getenv, os.UserHomeDir)
	if err != nil {
		return "", fmt.Errorf("find the data folder: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create the data folder %s: %w", dir, err)
	}
	return filepath.Join(dir, "deckhand.db"), nil
}

// dataFolder is the folder of the user's own database on the platform goos,
// where each platform's people and backup tools expect an application's
// data: %AppData%\Deckhand on Windows (the roaming folder, which
// os.UserConfigDir also gives), ~/Library/Application Support/Deckhand on
// macOS, and elsewhere $XDG_DATA_HOME/deckhand (~/.local/share/deckhand
// when unset), where every Deckhand on Linux has kept it.
func dataFolder(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		appData := getenv("APPDATA")
		if appData == "" {
			return "", errors.New("%AppData% is not set")
		}
		return filepath.Join(appData, "Deckhand"), nil
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, "Library", "Application Support", "Deckhand"), nil
	}
	base := getenv("XDG_DATA_HOME")
	if base == "" {
		h, err := home()
		if err != nil {
			return "", err
		}
		base = filepath.Join(h, ".local", "share")
	}
	return filepath.Join(base, "deckhand"), nil
}
