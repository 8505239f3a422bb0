package storage_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// crashDBEnv names the database file TestCrashChild writes to; without it
// the child test does nothing.
const crashDBEnv = "DECKHAND_CRASH_CHILD_DB"

// TestCrashSafetyUnderSIGKILL keeps the promise "what the app said it saved
// is never lost" against the harshest crash there is: it runs
// TestCrashChild in a child process that saves plays and ratings as fast
// as it can, kills it with SIGKILL at a random moment, and checks that the
// file opens, is intact, and holds every id the child reported as saved.
// 25 times in a row on the same file.
func TestCrashSafetyUnderSIGKILL(t *testing.T) {
	const runs = 25
	path := filepath.Join(t.TempDir(), "crash.db")
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("random seed %d", seed)
	start := time.Now()
	var plays, ratings int
	for run := 1; run <= runs; run++ {
		delay := time.Duration(30+rng.Intn(271)) * time.Millisecond
		saved := runAndKill(t, path, delay)
		p, r := checkAfterCrash(t, path, saved)
		plays += p
		ratings += r
		t.Logf("run %2d: killed %v after the first save; %d plays and %d ratings reported saved, all there", run, delay, p, r)
		if t.Failed() {
			t.Fatalf("run %d failed; the file is %s", run, path)
		}
	}
	t.Logf("%d kills in %v: %d plays and %d ratings reported saved, none lost, integrity ok after each",
		runs, time.Since(start).Round(time.Millisecond), plays, ratings)
}

// runAndKill starts the child on path, waits for its first reported save,
// kills it with SIGKILL delay later and returns every line it reported.
func runAndKill(t *testing.T, path string, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var lines []string
	first, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if err != nil { // EOF; a line cut short (no newline) was never reported whole
				io.Copy(io.Discard, r)
				return
			}
			if strings.HasPrefix(line, "play ") || strings.HasPrefix(line, "rating ") {
				mu.Lock()
				lines = append(lines, strings.TrimSpace(line))
				if len(lines) == 1 {
					close(first)
				}
				mu.Unlock()
			}
		}
	}()
	select {
	case <-first:
		time.Sleep(delay)
	case <-done:
		cmd.Wait()
		t.Fatalf("the child stopped before it saved anything:\n%s", stderr.String())
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the child saved nothing in 20 s:\n%s", stderr.String())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill the child: %v", err)
	}
	<-done
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the child ended with %v before it was killed:\n%s", err, stderr.String())
	}
	mu.Lock()
	defer mu.Unlock()
	return lines
}

// checkAfterCrash opens the file the killed child left, checks it and
// counts the saves the child reported, each of which must be there.
func checkAfterCrash(t *testing.T, path string, saved []string) (plays, ratings int) {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatalf("Open after SIGKILL: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close after SIGKILL: %v", err)
	}
	db, err := sql.Open(storage.DriverName, "file:"+path+"?mode=rw")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check after SIGKILL = %q, %v", check, err)
	}
	stored := map[string]bool{}
	for _, table := range []string{"plays", "ratings"} {
		rows, err := db.Query("SELECT id FROM " + table + " WHERE deleted_at IS NULL")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			stored[strings.TrimSuffix(table, "s")+" "+id] = true
		}
		rows.Close()
	}
	for _, line := range saved {
		if !stored[line] {
			t.Errorf("the child reported %q saved; it is not in the database", line)
		}
		if strings.HasPrefix(line, "play ") {
			plays++
		} else {
			ratings++
		}
	}
	return plays, ratings
}

// TestCrashChild is the process TestCrashSafetyUnderSIGKILL kills: it
// opens the database, makes a workshop with a team (or takes the one a
// killed child made before) and then saves a play and a rating after
// another, as fast as it can, writing each id to stdout as soon as the call
// that saved it has returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("run by TestCrashSafetyUnderSIGKILL")
	}
	ctx := context.Background()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f := crashWorkshop(t, s)
	var codes, areas []string
	for _, c := range f.Workshop.Deck.Cards {
		if c.Type == game.TypeRoutine && c.Area != "" {
			codes, areas = append(codes, c.Code), append(areas, c.Area)
		}
	}
	criteria := f.Workshop.Deck.Criteria
	team := f.Teams[0].ID
	for i := len(f.Plays); ; i++ {
		p := &game.Play{TeamID: team, Code: codes[i%len(codes)], Area: areas[i%len(codes)], Position: i}
		if err := s.SavePlay(ctx, f.Workshop.ID, p); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(os.Stdout, "play", p.ID) // os.Stdout is unbuffered: one write(2) per line
		c := criteria[i%len(criteria)]
		r := &game.Rating{PlayID: p.ID, Criterion: c.Key, Value: c.Min + i%(c.Max-c.Min+1), Rater: game.RaterTeam}
		if err := s.AddRating(ctx, f.Workshop.ID, r); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(os.Stdout, "rating", r.ID)
	}
}

// crashWorkshop returns the session of the workshop in the crash test's
// file, made (with the default deck) on the first run.
func crashWorkshop(t *testing.T, s *storage.Store) *game.File {
	ctx := context.Background()
	list, err := s.Workshops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		if _, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil {
			t.Fatal(err)
		}
		d, err := s.FindDeck(ctx, defaultDeck(t).Name)
		if err != nil {
			t.Fatal(err)
		}
		w := &game.Workshop{Title: "Crash test", Date: "2026-03-14", Language: "en", Deck: d}
		if err := s.CreateWorkshop(ctx, w, []game.Team{{Name: "Table 1"}}); err != nil {
			t.Fatal(err)
		}
		list = []storage.WorkshopSummary{{ID: w.ID}}
	}
	f, err := s.Session(ctx, list[0].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
