package teamfolder

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"deckhand/game"
)

// A change is written after the pause, once for a burst, and only the
// workshop that changed; an erasure is written at once.
func TestChangesWaitForThePauseErasuresDoNot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := newStore(t)
	id, other := newWorkshop(t, s, 5), newWorkshop(t, s, 6)
	var ft fakeTimers
	f := openFolder(t, s, dir, ft.after)
	syncOnce(t, f)
	path, otherPath := workshopPath(dir, id, f.Device()), workshopPath(dir, other, f.Device())
	otherBefore, _ := os.Stat(otherPath)

	sess, err := s.Session(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 { // typing a note: three saves
		n := &game.Note{Kind: game.NoteKinds[0], Text: strings.Repeat("typed ", i+1), TeamID: sess.Teams[0].ID}
		if err := s.SaveNote(ctx, id, n); err != nil {
			t.Fatal(err)
		}
		f.mu.Lock()
		r, err := f.noteChanges(ctx)
		f.mu.Unlock()
		if err != nil || len(r.Written) != 0 {
			t.Fatalf("save %d: wrote %+v (%v) before the pause", i+1, r.Written, err)
		}
	}
	if ft.fireAll() != 1 {
		t.Fatal("want one pause running after the burst")
	}
	select {
	case <-f.due:
	default:
		t.Fatal("the pause ended without asking for the write")
	}
	f.mu.Lock()
	r, err := f.writeDue(ctx)
	f.mu.Unlock()
	if err != nil || len(r.Written) != 1 || r.Written[0].Workshop != id {
		t.Fatalf("after the pause: wrote %+v (%v); want the changed workshop alone", r.Written, err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "typed typed typed") {
		t.Fatal("the file written after the pause lacks the last note")
	}
	if after, _ := os.Stat(otherPath); !after.ModTime().Equal(otherBefore.ModTime()) {
		t.Fatal("the workshop that did not change was written again")
	}

	// An erasure: written without waiting.
	pseudonym := sess.Participants[0].Pseudonym
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), pseudonym) {
		t.Fatalf("the file lacks the pseudonym %q before the erasure", pseudonym)
	}
	waits := len(ft.waits)
	if _, err := s.EraseWorkshop(ctx, id, false); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	r, err = f.noteChanges(ctx)
	f.mu.Unlock()
	if err != nil || len(r.Written) != 1 || r.Written[0].Workshop != id {
		t.Fatalf("after an erasure: wrote %+v (%v); want the workshop at once", r.Written, err)
	}
	if len(ft.waits) != waits {
		t.Fatal("the erasure waited for a pause")
	}
	if b, _ := os.ReadFile(path); strings.Contains(string(b), pseudonym) {
		t.Fatalf("the file still holds the erased pseudonym %q", pseudonym)
	}
}

// Running: a save announced with Changed is written after the pause, and
// a file another laptop writes is merged on the folder's event; Close
// writes what still waits.
func TestRunningFolderWritesAndMerges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := newWorkshop(t, a, 7)
	reports := make(chan Report, 100)
	fa, err := Open(Options{Store: a, Dir: dir, Debounce: 20 * time.Millisecond, Rescan: time.Hour, OnChange: func(r Report) { reports <- r }})
	if err != nil {
		t.Fatal(err)
	}
	fb := openFolder(t, b, dir, nil)
	fa.Start(ctx)
	wait := func(what string, ok func(Report) bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case r := <-reports:
				if ok(r) {
					return
				}
			case <-deadline:
				t.Fatalf("no report of %s within 10 s", what)
			}
		}
	}
	wait("the first write", func(r Report) bool { return len(r.Written) == 1 })
	sess, _ := a.Session(ctx, id, false)
	if err := a.SaveNote(ctx, id, &game.Note{Kind: game.NoteKinds[0], Text: "after the start"}); err != nil {
		t.Fatal(err)
	}
	fa.Changed()
	wait("the write of the change", func(r Report) bool { return len(r.Written) == 1 })
	// The other laptop takes the workshop, changes it and writes its file.
	syncOnce(t, fb)
	p := sess.Participants[0]
	p.Pseudonym = "Renamed on B"
	if err := b.SaveParticipant(ctx, id, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := fb.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	wait("the merge of the other laptop's file", func(r Report) bool {
		return len(r.Merged) == 1 && r.Merged[0].Updated > 0
	})
	got, _ := a.Session(ctx, id, false)
	if !containsPseudonym(got, "Renamed on B") {
		t.Fatal("the merge did not bring the other laptop's change")
	}
	if err := a.SaveNote(ctx, id, &game.Note{Kind: game.NoteKinds[0], Text: "just before closing"}); err != nil {
		t.Fatal(err)
	}
	if err := fa.Close(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(workshopPath(dir, id, fa.Device())); !strings.Contains(string(data), "just before closing") {
		t.Fatal("Close did not write the change made just before")
	}
}

func containsPseudonym(f *game.File, name string) bool {
	for _, p := range f.Participants {
		if p.Pseudonym == name {
			return true
		}
	}
	return false
}
