package main

import (
	"regexp"
	"testing"

	"deckhand/ui"
)

// Every build carries FyneApp.toml's metadata (see appmeta.go): its id must
// be the one the app opens its preferences under, and its version and build
// must be what the About dialog and the package can show.
func TestMetadataComesFromFyneAppToml(t *testing.T) {
	meta, err := appMetadata()
	if err != nil {
		t.Fatal(err)
	}
	if meta.ID != ui.AppID {
		t.Errorf("FyneApp.toml's ID is %q, the app's is %q; they must be the same or preferences split", meta.ID, ui.AppID)
	}
	if meta.Name != "Deckhand" {
		t.Errorf("name %q, want Deckhand", meta.Name)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(meta.Version) || meta.Build < 1 {
		t.Errorf("version %q build %d; want x.y.z and a build number from 1", meta.Version, meta.Build)
	}
	// Builds use -tags migrated_fynedo; the metadata must say the same, as
	// Fyne checks it too.
	if !meta.Migrations["fyneDo"] {
		t.Errorf("FyneApp.toml does not declare the fyneDo migration: %v", meta.Migrations)
	}
	if meta.Icon == nil || len(meta.Icon.Content()) == 0 {
		t.Error("no icon in the metadata")
	}
}
