package teamfolder

import "testing"

// The names sync engines give the files they write, rename and leave,
// and what each is to the laptop me.
func TestClassifyNamesOfEveryEngine(t *testing.T) {
	const me = "3f7c75c6-7d0d-48a2-8fc7-fcaa29b2e6cf"
	const other = "62c07c10-e898-41ce-ac5f-05306c17123c"
	for _, c := range []struct {
		name string
		want fileKind
	}{
		{me + ".json", kindOwn},
		{other + ".json", kindDevice},
		{other + ".JSON", kindDevice},
		// Nextcloud and ownCloud
		{other + " (conflicted copy 2026-12-01 101010).json", kindConflict},
		{other + " (conflicted copy 2026-12-01 101010).json.part", kindIgnored},
		{other + ".json.~3f2a1b", kindIgnored},
		// Dropbox
		{other + " (Dropbox's conflicted copy 2026-12-01).json", kindConflict},
		{other + " (Anna's conflicted copy 2026-12-01).json", kindConflict},
		{other + ".json.partial", kindIgnored},
		// OneDrive
		{other + "-DESKTOP-ABC.json", kindConflict},
		{other + "-DESKTOP-ABC-2.json", kindConflict},
		{"~$" + other + ".json", kindIgnored},
		{"desktop.ini", kindIgnored},
		{"Thumbs.db", kindIgnored},
		// Syncthing
		{other + ".sync-conflict-20261201-101010-ABCDEFG.json", kindConflict},
		{"~syncthing~" + other + ".json.tmp", kindIgnored},
		{".syncthing." + other + ".json.tmp", kindIgnored},
		// A conflict copy of this laptop's own name is someone else's file.
		{me + ".sync-conflict-20261201-101010-ABCDEFG.json", kindConflict},
		{me + " (conflicted copy 2026-12-01 101010).json", kindConflict},
		{me + "-LAPTOP-XYZ.json", kindConflict},
		// Editors, file managers, this package
		{".~lock." + other + ".json#", kindIgnored},
		{".DS_Store", kindIgnored},
		{"." + me + ".json" + tmpEnding, kindIgnored},
		{other + ".json.tmp", kindIgnored},
		{other + ".tmp", kindIgnored},
		{"notes.txt", kindIgnored},
		{"", kindIgnored},
		// Any other JSON file is merged, but never removed.
		{"workshop from Anna.json", kindOther},
		{"3F7C75C6-7D0D-48A2-8FC7-FCAA29B2E6CF.json", kindOther},
	} {
		if got := classify(c.name, me); got != c.want {
			t.Errorf("classify(%q) = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestSafeNamesOnly(t *testing.T) {
	for id, want := range map[string]bool{
		"eb91b556-bb4c-594b-8351-74214aefc5ae": true, "ws_1": true,
		"": false, "..": false, ".hidden": false, "a/b": false, `a\b`: false, "c:": false, "a b": false,
	} {
		if got := safeName(id); got != want {
			t.Errorf("safeName(%q) = %v, want %v", id, got, want)
		}
	}
}
