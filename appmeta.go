package main

import (
	_ "embed"
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"

	"deckhand/assets"
)

// fyneAppTOML is FyneApp.toml, the one place where Deckhand's name, id,
// version and build number are written.
//
// It is compiled in because `go build` (make build, make run, the smoke
// test) leaves Fyne's metadata empty: only `fyne build` and `fyne package`
// generate an init file that sets it, and Fyne's fallback for other builds
// reads FyneApp.toml from beside the binary at run time, so a binary run
// from anywhere else reported version 0.0.1. Linker flags (-X) cannot set a
// struct and would have the Makefile parse TOML. With the file embedded,
// every build carries the version it was built from; a packaged build sets
// the same values twice (fyne package's init, then main), which is harmless.
//
//go:embed FyneApp.toml
var fyneAppTOML string

// appMetadata is FyneApp.toml as Fyne's application metadata.
func appMetadata() (fyne.AppMetadata, error) {
	var file struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(fyneAppTOML, &file); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := file.Details
	return fyne.AppMetadata{
		ID:         d.ID,
		Name:       d.Name,
		Version:    d.Version,
		Build:      d.Build,
		Icon:       fyne.NewStaticResource("icon.png", assets.Icon),
		Migrations: file.Migrations,
	}, nil
}
