package storage_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// flipNoteLetter changes one letter of every copy of a note's text in the
// closed database file at path, as a bad sector would, and returns the
// file's bytes after.
func flipNoteLetter(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("We keep the values of table 1 in mind, card 3, day 2")
	if !bytes.Contains(b, text) {
		t.Fatal("the note's text is not in the file")
	}
	for at := bytes.Index(b, text); at >= 0; at = bytes.Index(b, text) {
		b[at+12] ^= 'v' ^ 'r' // "values" -> "ralues"
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return b
}

// openHeld opens the file at path to be checked later, the check held
// before it reads anything until release is called.
func openHeld(t *testing.T, path string) (s *storage.Store, release func()) {
	t.Helper()
	release = storage.HoldLaterChecks()
	s, err := storage.OpenCheckingLater(path)
	if err != nil {
		release()
		t.Fatal(err)
	}
	return s, release
}

// TestAFileCheckedLaterRefusesEveryWriteWhenDamaged opens a file with a
// changed note as the window does: the store is handed out for reading,
// then its check finds the change, and every write, backup and export is
// refused with the same sentence Open would have said, while the file
// stays exactly as it was.
func TestAFileCheckedLaterRefusesEveryWriteWhenDamaged(t *testing.T) {
	ctx := context.Background()
	path := realisticFile(t, 2)
	before := flipNoteLetter(t, path)
	s, err := storage.OpenCheckingLater(path)
	if err != nil {
		t.Fatalf("OpenCheckingLater = %v; want the store, checked after", err)
	}
	defer s.Close()
	if decks, err := s.Decks(ctx); err != nil || len(decks) == 0 {
		t.Fatalf("reading the decks before the check is over: %d decks, %v", len(decks), err)
	}
	checkErr := s.Checked(ctx)
	if !errors.Is(checkErr, storage.ErrCorrupt) {
		t.Fatalf("Checked = %v; want ErrCorrupt", checkErr)
	}
	if msg := checkErr.Error(); !bytes.Contains([]byte(msg), []byte("a note")) {
		t.Errorf("the refusal does not name the note: %s", msg)
	}
	workshops, err := s.Workshops(ctx)
	if err != nil || len(workshops) == 0 {
		t.Fatalf("workshops: %d, %v", len(workshops), err)
	}
	w := workshops[0]
	refusals := map[string]error{}
	refusals["a new table"] = s.SaveTeam(ctx, w.ID, &game.Team{Name: "Table 9"})
	_, refusals["a backup"] = s.Backup(ctx, t.TempDir())
	_, refusals["a workshop file"] = s.ExportWorkshop(ctx, w.ID, false)
	refusals["the results of every workshop"] = s.EachResultsFile(ctx, []string{w.ID}, func(*game.File) error { return nil })
	for what, err := range refusals {
		if !errors.Is(err, storage.ErrCorrupt) || err.Error() != checkErr.Error() {
			t.Errorf("%s on a damaged file = %v; want the check's refusal", what, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, before) {
		t.Errorf("the damaged file was changed (%v)", err)
	}
}

// TestAWriteWaitsForTheCheckOfTheFile holds the check that runs after the
// open: reads go on meanwhile, a save waits, and it is made once the check
// has passed.
func TestAWriteWaitsForTheCheckOfTheFile(t *testing.T) {
	ctx := context.Background()
	path := realisticFile(t, 2)
	s, release := openHeld(t, path)
	defer s.Close()
	workshops, err := s.Workshops(ctx)
	if err != nil || len(workshops) == 0 {
		release()
		t.Fatalf("workshops while the check is held: %d, %v", len(workshops), err)
	}
	saved := make(chan error, 1)
	team := game.Team{Name: "Table 9"}
	go func() { saved <- s.SaveTeam(ctx, workshops[0].ID, &team) }()
	select {
	case err := <-saved:
		release()
		t.Fatalf("the save returned (%v) before the file was checked", err)
	case <-time.After(100 * time.Millisecond):
	}
	release()
	if err := <-saved; err != nil {
		t.Fatalf("the save after the check passed = %v", err)
	}
	file, err := s.Session(ctx, workshops[0].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tm := range file.Teams {
		found = found || tm.Name == "Table 9"
	}
	if !found {
		t.Errorf("the table saved after the check is not in the workshop: %+v", file.Teams)
	}
}

// TestABigDamagedFileIsRefusedByTheOpen: a file over the size whose check
// may come after the open is checked before it, as by Open, and refused.
func TestABigDamagedFileIsRefusedByTheOpen(t *testing.T) {
	path := realisticFile(t, 2)
	before := flipNoteLetter(t, path)
	defer storage.SetCheckLaterUpTo(int64(len(before)) - 1)()
	s, err := storage.OpenCheckingLater(path)
	if err == nil {
		s.Close()
		t.Fatal("OpenCheckingLater handed out a damaged file over the size checked later")
	}
	if !errors.Is(err, storage.ErrCorrupt) {
		t.Fatalf("OpenCheckingLater = %v; want ErrCorrupt", err)
	}
}

// TestClosingDuringTheCheckEndsIt closes a store while its check is held:
// Close waits for the check's connection, and the check says the store
// was closed rather than that the file is damaged.
func TestClosingDuringTheCheckEndsIt(t *testing.T) {
	path := realisticFile(t, 2)
	s, release := openHeld(t, path)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	time.Sleep(20 * time.Millisecond)
	release()
	if err := <-closed; err != nil {
		t.Fatalf("Close during the check = %v", err)
	}
	if err := s.Checked(context.Background()); err == nil || errors.Is(err, storage.ErrCorrupt) {
		t.Errorf("Checked after Close = %v; want that the store was closed", err)
	}
	// The file opens again at once: the check let go of it.
	s2, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

// TestTheCheckBeginsWhenFirstAskedFor: a file opened to be checked later
// is not read by the check until something asks for it (here Checked),
// so that the window's first frame has the machine to itself.
func TestTheCheckBeginsWhenFirstAskedFor(t *testing.T) {
	path := realisticFile(t, 2)
	begun, undo := storage.CountLaterChecks()
	defer undo()
	s, err := storage.OpenCheckingLater(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Decks(context.Background()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := begun(); n != 0 {
		t.Fatalf("%d checks began before anything asked for one", n)
	}
	if err := s.Checked(context.Background()); err != nil {
		t.Fatalf("Checked on a sound file = %v", err)
	}
	if n := begun(); n != 1 {
		t.Fatalf("after Checked %d checks had begun, want 1", n)
	}
}

// BenchmarkOpenForTheWindow opens the file of BenchmarkOpen as a command
// does (Open: every check before the store is handed out) and as the
// window does (OpenCheckingLater: the store handed out, then the check
// begun and waited for), beside the floor of BenchmarkOpen, in one loop.
// window-ms/op is what the window waits for before it can read; check-ms/op
// is the check that follows.
func BenchmarkOpenForTheWindow(b *testing.B) {
	path := realisticFile(b, 8)
	var open, window, check, floor time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		s, err := storage.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		s, err = storage.OpenCheckingLater(path)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if err := s.Checked(context.Background()); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		t4 := time.Now()
		if err := readEveryRow(path); err != nil {
			b.Fatal(err)
		}
		open += t1.Sub(t0)
		window += t2.Sub(t1)
		check += t3.Sub(t2)
		floor += time.Since(t4)
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(open), "open-ms/op")
	b.ReportMetric(ms(window), "window-ms/op")
	b.ReportMetric(ms(check), "check-ms/op")
	b.ReportMetric(ms(floor), "floor-ms/op")
	b.ReportMetric(float64(open)/float64(floor), "open-ratio")
	b.ReportMetric(float64(window)/float64(floor), "window-ratio")
}
