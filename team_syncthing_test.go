package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// teamLaptop is one of the test's laptops: a database of its own, the
// folder its Syncthing instance keeps in step, and, while it runs, its
// `deckhand sync` process.
type teamLaptop struct {
	name   string
	db     string
	peer   *syncthingPeer
	device string // the database's device id, as deckhand sync says it
	sync   *exec.Cmd
	out    *lockedBuffer
	exited chan struct{}
}

// TestTeamFolderOverSyncthing carries workshops between three laptops
// through a team folder kept in step by three real Syncthing instances on
// loopback. First each laptop writes and reads the folder once in rounds
// (`deckhand sync --once`) until all three hold the same workshops. Then
// every laptop runs `deckhand sync` (watching the folder) and in turn one
// of them stops, logs a change in its database (a table and a rated
// card), and starts again: the other two must merge the change, and the
// test logs how long it took from the moment the change was written
// until each merged it. At the end every laptop exports every workshop
// and the three exports must be the same, record for record.
func TestTeamFolderOverSyncthing(t *testing.T) {
	if os.Getenv("DECKHAND_SYNCTHING") == "" {
		t.Skip("set DECKHAND_SYNCTHING=1 (make team-sync) to carry the team folder over real Syncthing instances on loopback")
	}
	peers := startSyncthingCluster(t, 3)
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx := context.Background()
	laptops := make([]*teamLaptop, len(peers))
	for i, p := range peers {
		l := &teamLaptop{name: p.name, db: filepath.Join(dir, p.name+".db"), peer: p}
		s := openTeamStore(t, l)
		if i < 2 { // the third laptop joins with nothing of its own
			if _, err := storagetest.FillWorkshop(ctx, s, uint64(i+1), 2, 4); err != nil {
				t.Fatal(err)
			}
		}
		closeTeamStore(t, s)
		laptops[i] = l
	}

	// Rounds of --once until all three hold the same workshops.
	deadline := time.Now().Add(2 * time.Minute)
	for round := 1; ; round++ {
		for _, l := range laptops {
			l.once(t, bin)
		}
		if sameWorkshops(t, bin, laptops) {
			t.Logf("the three laptops hold the same workshops after %d rounds of sync --once", round)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the laptops did not converge within 2 minutes of sync --once rounds")
		}
		time.Sleep(2 * time.Second) // Syncthing's watch delay and rescan
	}

	// Every laptop watches; one at a time logs a change the others merge.
	for _, l := range laptops {
		l.start(t, bin)
	}
	var delays []time.Duration
	for i, l := range laptops {
		l.stop(t)
		teamID := logTableAndRating(t, l, i)
		restarted := time.Now()
		l.start(t, bin)
		written := l.waitLine(t, restarted, "wrote workshops/", 30*time.Second)
		for _, other := range laptops {
			if other == l {
				continue
			}
			delay := other.waitLine(t, written, "merged workshops/", 90*time.Second, l.device, " added, ").Sub(written)
			delays = append(delays, delay)
			t.Logf("a table logged on %s (%s) was merged on %s %v after it was written", l.name, teamID[:8], other.name, delay.Round(time.Millisecond))
		}
	}
	for _, l := range laptops {
		l.stop(t)
	}
	for _, l := range laptops {
		l.once(t, bin)
	}
	time.Sleep(3 * time.Second)
	for _, l := range laptops {
		l.once(t, bin)
	}
	if !sameWorkshops(t, bin, laptops) {
		t.Fatal("after the live rounds the three laptops hold different workshops")
	}
	slices.Sort(delays)
	t.Logf("delays from writing a change to merging it elsewhere: shortest %v, median %v, longest %v (%d merges)",
		delays[0].Round(time.Millisecond), delays[len(delays)/2].Round(time.Millisecond), delays[len(delays)-1].Round(time.Millisecond), len(delays))
}

// openTeamStore opens the laptop's database; the first time, it is made
// with the default deck.
func openTeamStore(t *testing.T, l *teamLaptop) *storage.Store {
	t.Helper()
	_, err := os.Stat(l.db)
	first := os.IsNotExist(err)
	s, err := storage.Open(l.db)
	if err != nil {
		t.Fatalf("%s: %v", l.name, err)
	}
	if first {
		if err := storagetest.SeedDefaultDeck(s); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func closeTeamStore(t *testing.T, s *storage.Store) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// logTableAndRating adds, on l, a table to the first workshop and lays and
// rates a card there, as a note-taker would, and returns the table's id.
func logTableAndRating(t *testing.T, l *teamLaptop, i int) string {
	t.Helper()
	ctx := context.Background()
	s := openTeamStore(t, l)
	defer closeTeamStore(t, s)
	list, err := s.Workshops(ctx)
	if err != nil || len(list) == 0 {
		t.Fatalf("%s holds no workshop (%v)", l.name, err)
	}
	w := list[0].ID
	session, err := s.Session(ctx, w, false)
	if err != nil {
		t.Fatal(err)
	}
	team := &game.Team{ID: cards.NewID(), Name: fmt.Sprintf("Table from %s", l.name), Position: len(session.Teams) + 1}
	if err := s.SaveTeam(ctx, w, team); err != nil {
		t.Fatal(err)
	}
	var routines []game.Play // cards of the deck, not blank ones
	for _, p := range session.Plays {
		if p.Text == "" {
			routines = append(routines, p)
		}
	}
	card := routines[i%len(routines)]
	play := &game.Play{ID: cards.NewID(), TeamID: team.ID, Code: card.Code, Area: card.Area, Position: 1}
	if err := s.SavePlay(ctx, w, play); err != nil {
		t.Fatal(err)
	}
	rating := &game.Rating{ID: cards.NewID(), PlayID: play.ID, Criterion: "desirability", Value: 1 + i, Rater: game.RaterTeam}
	if err := s.AddRating(ctx, w, rating); err != nil {
		t.Fatal(err)
	}
	return team.ID
}

// once runs `deckhand sync --once` on the laptop's database and folder.
func (l *teamLaptop) once(t *testing.T, bin string) {
	t.Helper()
	out, err := exec.Command(bin, "--db", l.db, "sync", "--folder", l.peer.folder, "--name", l.name, "--once").CombinedOutput()
	if err != nil {
		t.Fatalf("%s: sync --once: %v\n%s", l.name, err, out)
	}
}

// start runs `deckhand sync` on the laptop until stop.
func (l *teamLaptop) start(t *testing.T, bin string) {
	t.Helper()
	l.out = &lockedBuffer{}
	l.sync = exec.Command(bin, "--db", l.db, "sync", "--folder", l.peer.folder, "--name", l.name, "--debounce", "500ms", "--rescan", "5s")
	l.sync.Stdout, l.sync.Stderr = l.out, l.out
	if err := l.sync.Start(); err != nil {
		t.Fatal(err)
	}
	l.exited = make(chan struct{})
	cmd, exited := l.sync, l.exited
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-exited
		}
	})
	// Until its first line, it may not yet be listening for Ctrl+C. The
	// line names the device it writes as.
	deadline := time.Now().Add(30 * time.Second)
	for len(l.out.Lines()) == 0 {
		select {
		case <-exited:
			t.Fatalf("%s: deckhand sync ended at once: %v\n%s", l.name, cmd.ProcessState, l.out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: deckhand sync printed nothing within 30 s", l.name)
		}
	}
	first := l.out.Lines()[0]
	if i := strings.Index(first, " as "); i >= 0 {
		l.device, _, _ = strings.Cut(first[i+len(" as "):], ";")
	}
	if l.device == "" {
		t.Fatalf("%s: deckhand sync's first line names no device: %q", l.name, first)
	}
}

// stop ends the laptop's `deckhand sync` as Ctrl+C would, which writes
// what it has not written yet before it exits.
func (l *teamLaptop) stop(t *testing.T) {
	t.Helper()
	l.sync.Process.Signal(syscall.SIGINT)
	select {
	case <-l.exited:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: deckhand sync did not stop within 30 s of Ctrl+C; it printed:\n%s", l.name, l.out.String())
	}
	if !l.sync.ProcessState.Success() {
		t.Fatalf("%s: deckhand sync ended with %v; it printed:\n%s", l.name, l.sync.ProcessState, l.out.String())
	}
}

// waitLine waits for the laptop's `deckhand sync` to print a line, stamped
// after since, that starts with prefix and holds every one of parts, and
// returns the line's time. A merge line must also say it changed
// something: a file merged with nothing added, updated or deleted is not
// the change waited for.
func (l *teamLaptop) waitLine(t *testing.T, since time.Time, prefix string, within time.Duration, parts ...string) time.Time {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		for _, line := range l.out.Lines() {
			stamp, rest, ok := strings.Cut(line, " ")
			if !ok || !strings.HasPrefix(rest, prefix) || strings.Contains(rest, ": 0 added, 0 updated, 0 deleted") {
				continue
			}
			if slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(rest, p) }) {
				continue
			}
			at, err := time.Parse(time.RFC3339Nano, stamp)
			if err == nil && at.After(since) {
				return at
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s printed no %q line with %q within %v; deckhand sync printed:\n%s", l.name, prefix, parts, within, l.out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// sameWorkshops says whether the three laptops export the same workshops,
// record for record (the writing laptop's device id, the only field of a
// file that names who wrote it, left out).
func sameWorkshops(t *testing.T, bin string, laptops []*teamLaptop) bool {
	t.Helper()
	var first map[string]string
	for _, l := range laptops {
		got := exportAll(t, bin, l)
		if first == nil {
			first = got
			continue
		}
		if len(got) != len(first) {
			return false
		}
		for id, text := range first {
			if got[id] != text {
				return false
			}
		}
	}
	return len(first) > 0
}

// exportAll is every workshop of the laptop as `deckhand workshop export`
// writes it, by workshop id.
func exportAll(t *testing.T, bin string, l *teamLaptop) map[string]string {
	t.Helper()
	out, err := exec.Command(bin, "--db", l.db, "workshops", "--json").Output()
	if err != nil {
		t.Fatalf("%s: workshops: %v", l.name, err)
	}
	var list []struct{ ID string }
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, w := range list {
		path := filepath.Join(t.TempDir(), "w.json")
		if out, err := exec.Command(bin, "--db", l.db, "workshop", "export", "--workshop", w.ID, "-o", path).CombinedOutput(); err != nil {
			t.Fatalf("%s: workshop export: %v\n%s", l.name, err, out)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var f game.File
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		f.Device = ""
		text, _ := json.Marshal(f)
		files[w.ID] = string(text)
	}
	return files
}
