package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A deck cloned on one laptop goes to another through its shared file:
// the dry run says what would come and changes nothing, the merge brings
// it published, and a second merge of the same file changes nothing.
func TestDecksSharedFileMovesADeckBetweenLaptops(t *testing.T) {
	dir := t.TempDir()
	one, two := filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")
	file := filepath.Join(dir, "shared.json")
	if code, _, errOut := run(t, one, "clone", "--deck", "4K data routines", "--name", "Team deck"); code != ExitOK {
		t.Fatalf("clone: %d %s", code, errOut)
	}
	if code, out, errOut := run(t, one, "decks", "publish", "--deck", "Team deck"); code != ExitOK || !strings.Contains(out, "is shared") {
		t.Fatalf("publish: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := run(t, one, "decks", "export-shared", "--deck", "Team deck", "-o", file); code != ExitOK || !strings.Contains(out, "62 cards") {
		t.Fatalf("export-shared: %d %q %q", code, out, errOut)
	}
	code, out, errOut := run(t, two, "decks", "merge-shared", "--dry-run", file)
	if code != ExitOK || !strings.Contains(out, "would merge \"Team deck\": a deck new here, published; cards: 62 added") || !strings.Contains(out, "nothing was changed") {
		t.Fatalf("merge-shared --dry-run: %d %q %q", code, out, errOut)
	}
	if _, out, _ := run(t, two, "decks"); strings.Contains(out, "Team deck") {
		t.Fatalf("the dry run stored the deck:\n%s", out)
	}
	if code, out, errOut := run(t, two, "decks", "merge-shared", file); code != ExitOK || !strings.Contains(out, "62 added") {
		t.Fatalf("merge-shared: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run(t, two, "decks", "merge-shared", file); code != ExitOK || !strings.Contains(out, "0 added, 0 updated, 0 deleted, 62 unchanged") {
		t.Errorf("merge-shared again: %d %q", code, out)
	}
	_, a, _ := run(t, one, "export", "--deck", "Team deck", "--format", "json")
	_, b, _ := run(t, two, "export", "--deck", "Team deck", "--format", "json")
	if a == "" || a != b {
		t.Errorf("the two laptops export different decks (%d and %d bytes)", len(a), len(b))
	}
	if _, out, _ := run(t, two, "decks", "--json"); !strings.Contains(out, `"name": "Team deck",`) || !strings.Contains(out, `"published": true`) {
		t.Errorf("decks --json after the merge does not list Team deck as published:\n%s", out)
	}
	if code, out, _ := run(t, two, "decks", "publish", "--deck", "Team deck", "--off"); code != ExitOK || !strings.Contains(out, "no longer shared") {
		t.Errorf("publish --off: %d %q", code, out)
	}
	if _, out, _ := run(t, two, "decks", "--json"); strings.Contains(out, `"published": true`) {
		t.Errorf("decks --json after publish --off still lists a published deck:\n%s", out)
	}
}

// A deck published on one laptop reaches another through a team folder
// with deckhand sync, and is listed there as shared.
func TestDeckTravelsThroughTheTeamFolder(t *testing.T) {
	dir := t.TempDir()
	one, two, team := filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db"), filepath.Join(dir, "team")
	if err := os.Mkdir(team, 0o755); err != nil {
		t.Fatal(err)
	}
	run(t, one, "clone", "--deck", "4K data routines", "--name", "Team deck")
	run(t, one, "decks", "publish", "--deck", "Team deck")
	if code, out, errOut := run(t, one, "sync", "--folder", team, "--once"); code != ExitOK || !strings.Contains(out, "1 written") {
		t.Fatalf("sync of the publishing laptop: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := run(t, two, "sync", "--folder", team, "--once"); code != ExitOK || !strings.Contains(out, "1 merged") {
		t.Fatalf("sync of the other laptop: %d %q %q", code, out, errOut)
	}
	_, out, _ := run(t, two, "decks")
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "Team deck ") {
			line = l
		}
	}
	if f := strings.Fields(line); len(f) == 0 || f[len(f)-1] != "yes" || f[len(f)-2] != "62" {
		t.Fatalf("the other laptop's decks list Team deck as %q; want it with 62 cards, shared:\n%s", line, out)
	}
}

// A file that is not a shared deck, or one from a newer Deckhand, is
// refused in one sentence with nothing changed.
func TestDecksMergeSharedRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	deckFile := filepath.Join(dir, "deck.json")
	if code, _, errOut := run(t, db, "export", "--deck", "4K data routines", "--format", "json", "-o", deckFile); code != ExitOK {
		t.Fatal(errOut)
	}
	code, _, errOut := run(t, db, "decks", "merge-shared", deckFile)
	if code != ExitError || !strings.Contains(errOut, "this is a deck file, not a shared deck: import it with deckhand import") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("a deck file: %d %q", code, errOut)
	}
	shared := filepath.Join(dir, "shared.json")
	run(t, db, "decks", "export-shared", "--deck", "4K data routines", "-o", shared)
	data, _ := os.ReadFile(shared)
	newer := filepath.Join(dir, "newer.json")
	os.WriteFile(newer, []byte(strings.Replace(string(data), `"version": 1`, `"version": 7`, 1)), 0o600)
	if code, _, errOut := run(t, db, "decks", "merge-shared", newer); code != ExitError || !strings.Contains(errOut, "made by a newer Deckhand (format version 7)") {
		t.Errorf("a newer file: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, db, "decks", "frobnicate"); code != ExitUsage || !strings.Contains(errOut, "publish, export-shared, merge-shared or look") {
		t.Errorf("an unknown decks command: %d %q", code, errOut)
	}
}
