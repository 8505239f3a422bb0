package storage_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// The crash tests of a restore and of an erasure kill a child process
// running one of them (TestCrashStepChild) at every step between its file
// operations (the steps storage names through its crash point), and then
// again at random moments, and open what is left: a restore must leave the
// old database or the new one, whole; an erasure is either not there at all
// or, once the next Open has run, finished, with no erased text left in the
// file's bytes. make test kills at every step and at a few random moments;
// DECKHAND_CRASH_KILLS=N adds N random kills to each.

// Environment of TestCrashStepChild.
const (
	stepOpEnv   = "DECKHAND_CRASH_STEP_OP" // "restore" or "erase"
	stepDBEnv   = "DECKHAND_CRASH_STEP_DB"
	stepArgEnv  = "DECKHAND_CRASH_STEP_ARG" // the backup to restore, or the workshop to erase
	stepKillEnv = "DECKHAND_CRASH_STEP_KILL"
)

// randomKills is how many kills at random moments each crash test adds to
// those at every step.
func randomKills(t *testing.T) int {
	if v := os.Getenv("DECKHAND_CRASH_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			t.Fatalf("DECKHAND_CRASH_KILLS=%q: want a number of kills", v)
		}
		return n
	}
	return 4
}

// TestCrashStepChild is the process the restore and erasure crash tests
// kill. It says "step NAME" on stdout after every step, kills itself with
// SIGKILL after the step named in its environment, and says "done" when
// the operation returned.
func TestCrashStepChild(t *testing.T) {
	op := os.Getenv(stepOpEnv)
	if op == "" {
		t.Skip("run by the restore and erasure crash tests")
	}
	kill := os.Getenv(stepKillEnv)
	defer storage.SetCrashPoint(func(step string) {
		fmt.Fprintln(os.Stdout, "step", step)
		if step == kill {
			killSelf()
			select {}
		}
	})()
	db, arg := os.Getenv(stepDBEnv), os.Getenv(stepArgEnv)
	fmt.Fprintln(os.Stdout, "start")
	switch op {
	case "restore":
		if _, err := storage.RestoreFile(arg, db); err != nil {
			t.Fatal(err)
		}
	case "erase":
		s, err := storage.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.EraseWorkshop(context.Background(), arg, true); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("unknown operation %q", op)
	}
	fmt.Fprintln(os.Stdout, "done")
}

// stepRun is what a child run of TestCrashStepChild said.
type stepRun struct {
	steps  []string
	done   bool
	killed bool
	took   time.Duration
}

// runStepChild runs op on db in a child that kills itself after the step
// kill (none when empty) or is killed delay after it started (when delay
// is positive), and returns what it said.
func runStepChild(t *testing.T, op, db, arg, kill string, delay time.Duration) stepRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashStepChild$", "-test.count=1", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), stepOpEnv+"="+op, stepDBEnv+"="+db, stepArgEnv+"="+arg, stepKillEnv+"="+kill)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var run stepRun
	started := make(chan time.Time, 1)
	lines := make(chan struct{})
	go func() {
		defer close(lines)
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				io.Copy(io.Discard, r)
				return
			}
			line = strings.TrimSpace(line)
			switch {
			case line == "start":
				started <- time.Now()
			case line == "done":
				run.done = true
			case strings.HasPrefix(line, "step "):
				run.steps = append(run.steps, strings.TrimPrefix(line, "step "))
			}
		}
	}()
	var start time.Time
	select {
	case start = <-started:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the child did not start in 30 s:\n%s", stderr.String())
	}
	if delay > 0 {
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL) // it may have ended already
	}
	<-lines
	err = cmd.Wait()
	run.took = time.Since(start)
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws := exit.Sys().(syscall.WaitStatus); ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			run.killed = true
		} else {
			t.Fatalf("%s failed in the child (%v):\n%s", op, err, stderr.String())
		}
	} else if err != nil {
		t.Fatal(err)
	}
	if kill != "" && !run.killed {
		t.Fatalf("the child was to die after %q but ended; its steps: %v", kill, run.steps)
	}
	return run
}

// killPlan is the kills a crash test makes: one after every step a full
// run names, then randomKills at random moments of a full run's duration.
type killPlan struct {
	step  string
	delay time.Duration
}

func planKills(t *testing.T, full stepRun, rng *rand.Rand) []killPlan {
	if len(full.steps) == 0 {
		t.Fatal("a full run named no steps")
	}
	var plan []killPlan
	for _, step := range full.steps {
		plan = append(plan, killPlan{step: step})
	}
	for range randomKills(t) {
		plan = append(plan, killPlan{delay: time.Duration(1 + rng.Int63n(int64(full.took)))})
	}
	return plan
}

// TestRestoreKilledAtEveryStep restores a backup over a database whose last
// writer died during its checkpoint (the file is whole only with its
// write-ahead log) and kills the restore after each of its steps and at
// random moments. Each time the database must open as the old database or
// as the backup, every row of it, and pass integrity_check.
func TestRestoreKilledAtEveryStep(t *testing.T) {
	tmpl := t.TempDir()
	oldDB, backup := restoreCrashFiles(t, tmpl)
	oldWant := contentOf(t, copyDBFiles(t, oldDB, filepath.Join(t.TempDir(), "old.db")))
	newWant := contentOf(t, copyDBFiles(t, backup, filepath.Join(t.TempDir(), "new.db")))
	if oldWant == newWant {
		t.Fatal("the old database and the backup hold the same rows; the test could not tell them apart")
	}
	// The state under test: without its log the old file is not whole.
	if err := copyBytes(oldDB, filepath.Join(tmpl, "alone.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := storage.Open(filepath.Join(tmpl, "alone.db")); err == nil {
		t.Fatal("the old file opened whole without its write-ahead log; the test does not reach the state it is about")
	}

	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("random seed %d", seed)
	fresh := func() string {
		db := copyDBFiles(t, oldDB, filepath.Join(t.TempDir(), "deckhand.db"))
		return db
	}
	full := runStepChild(t, "restore", fresh(), backup, "", 0)
	if !full.done {
		t.Fatal("the restore did not finish in the child")
	}
	var olds, news, midway int
	for i, k := range planKills(t, full, rng) {
		db := fresh()
		run := runStepChild(t, "restore", db, backup, k.step, k.delay)
		if len(run.steps) > 1 && !run.done { // the journal was written, the restore not returned
			midway++
		}
		where := fmt.Sprintf("killed after step %q", k.step)
		if k.step == "" {
			where = fmt.Sprintf("killed %v after it started (after steps %v, finished %v)", k.delay, run.steps, run.done)
		}
		got, err := readContent(db)
		if err != nil {
			t.Errorf("kill %d, %s: %v", i+1, where, err)
			continue
		}
		switch got {
		case oldWant:
			olds++
			if run.done {
				t.Errorf("kill %d, %s: the restore had finished, yet the old database is back", i+1, where)
			}
		case newWant:
			news++
		default:
			t.Fatalf("kill %d, %s: the database is neither the old one nor the backup:\n%s", i+1, where, got)
		}
		checkNoRestoreLeft(t, db)
	}
	t.Logf("%d kills of a restore (%d of them with its journal written): the old database %d times, the restored one %d times, whole each time",
		olds+news, midway, olds, news)
}

// TestEraseKilledAtEveryStep kills an erasure of a workshop's names and
// notes after each of its steps and at random moments. When the kill came
// before the commit nothing is erased; after it, the next Open finishes the
// erasure: no erased note text is left in the file or its log, and check
// finds nothing unfinished.
func TestEraseKilledAtEveryStep(t *testing.T) {
	tmpl := filepath.Join(t.TempDir(), "deckhand.db")
	workshop, texts := eraseCrashFile(t, tmpl)
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("random seed %d", seed)
	fresh := func() string { return copyDBFiles(t, tmpl, filepath.Join(t.TempDir(), "deckhand.db")) }
	full := runStepChild(t, "erase", fresh(), workshop, "", 0)
	if !full.done {
		t.Fatal("the erasure did not finish in the child")
	}
	var kept, erased int
	for i, k := range planKills(t, full, rng) {
		db := fresh()
		run := runStepChild(t, "erase", db, workshop, k.step, k.delay)
		where := fmt.Sprintf("killed after step %q", k.step)
		if k.step == "" {
			where = fmt.Sprintf("killed %v after it started (after steps %v, finished %v)", k.delay, run.steps, run.done)
		}
		s, err := storage.Open(db)
		if err != nil {
			t.Fatalf("kill %d, %s: Open: %v", i+1, where, err)
		}
		ctx := context.Background()
		when, err := s.Erasures(ctx, workshop)
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.Session(ctx, workshop, false)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.OK {
			t.Errorf("kill %d, %s: check after the next open: %v", i+1, where, rep.Problems)
		}
		var shown []string
		for _, n := range f.Notes {
			shown = append(shown, n.Text)
		}
		// The bytes are read while the store is open: what SQLite holds
		// in its log counts too.
		bytesLeft := textsInFiles(t, db, texts)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if len(when) == 0 {
			kept++
			if run.done {
				t.Errorf("kill %d, %s: the erasure had finished, yet it is not recorded", i+1, where)
			}
			if strings.Join(shown, "|") != strings.Join(texts, "|") {
				t.Errorf("kill %d, %s: no erasure is recorded, but the notes read %q", i+1, where, shown)
			}
			continue
		}
		erased++
		for _, text := range shown {
			if text != storage.ErasedText {
				t.Errorf("kill %d, %s: the erasure is recorded, but a note reads %q", i+1, where, text)
			}
		}
		if len(bytesLeft) > 0 {
			t.Errorf("kill %d, %s: the erasure is recorded, yet %d erased note texts are still in the file's bytes (%q …)",
				i+1, where, len(bytesLeft), bytesLeft[0])
		}
	}
	t.Logf("%d kills of an erasure: nothing erased %d times, erased and finished on the next open %d times",
		kept+erased, kept, erased)
}

// restoreCrashFiles makes, in dir, a backup and a database that holds more
// than the backup and that its last writer left as a process dying in its
// closing checkpoint would: part of its log copied into the file, the rest
// only in the log. It returns the database's and the backup's paths.
func restoreCrashFiles(t *testing.T, dir string) (db, backup string) {
	t.Helper()
	ctx := context.Background()
	live := filepath.Join(t.TempDir(), "live.db")
	s := openStore(t, live)
	addNotedWorkshop(t, s, "In the backup", 3)
	backup, err := s.Backup(ctx, filepath.Join(dir, "backups"))
	if err != nil {
		t.Fatal(err)
	}
	addNotedWorkshop(t, s, "Only in the old database", 40)
	// Copying the open store's files is what a kill would leave.
	db = filepath.Join(dir, "deckhand.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := copyBytes(live+suffix, db+suffix); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	halfCheckpoint(t, db)
	return db, backup
}

// halfCheckpoint copies the newest version of the first half of the pages
// in db's write-ahead log into db, in page order, as a checkpoint does
// before it is killed.
func halfCheckpoint(t *testing.T, db string) {
	t.Helper()
	wal, err := os.ReadFile(db + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if len(wal) < 32 {
		t.Fatal("the write-ahead log is empty; the test needs one that holds commits")
	}
	pageSize := int(binary.BigEndian.Uint32(wal[8:12]))
	latest := map[uint32][]byte{}
	for off := 32; off+24+pageSize <= len(wal); off += 24 + pageSize {
		pgno := binary.BigEndian.Uint32(wal[off : off+4])
		latest[pgno] = wal[off+24 : off+24+pageSize]
	}
	var pages []uint32
	for p := range latest {
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i] < pages[j] })
	f, err := os.OpenFile(db, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range pages[:len(pages)/2] {
		if _, err := f.WriteAt(latest[p], int64(p-1)*int64(pageSize)); err != nil {
			t.Fatal(err)
		}
	}
}

// eraseCrashFile makes a closed database at path with a workshop of eleven
// notes and returns the workshop's id and the notes' texts, in the order
// Session gives them.
func eraseCrashFile(t *testing.T, path string) (string, []string) {
	t.Helper()
	s := openStore(t, path)
	id := addNotedWorkshop(t, s, "To be erased", 11)
	f, err := s.Session(context.Background(), id, false)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range f.Notes {
		texts = append(texts, n.Text)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return id, texts
}

// addNotedWorkshop adds a workshop with one team and n notes of text found
// nowhere else, and returns its id.
func addNotedWorkshop(t *testing.T, s *storage.Store, title string, n int) string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil {
		t.Fatal(err)
	}
	d, err := s.FindDeck(ctx, defaultDeck(t).Name)
	if err != nil {
		t.Fatal(err)
	}
	w := &game.Workshop{Title: title, Date: "2026-03-14", Language: "en", Deck: d}
	teams := []game.Team{{Name: "Table 1"}}
	if err := s.CreateWorkshop(ctx, w, teams); err != nil {
		t.Fatal(err)
	}
	f, err := s.Session(ctx, w.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := fmt.Sprintf("Crash note %d of %s: %x", i, title, rand.Uint64())
		if err := s.SaveNote(ctx, w.ID, &game.Note{TeamID: f.Teams[0].ID, Kind: game.NoteIdea, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	return w.ID
}

// contentOf opens db as the app would and returns every workshop's title
// with its notes' texts, one line each; integrity_check must pass.
func contentOf(t *testing.T, db string) string {
	t.Helper()
	got, err := readContent(db)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func readContent(db string) (string, error) {
	s, err := storage.Open(db)
	if err != nil {
		return "", fmt.Errorf("Open: %w", err)
	}
	if err := s.Close(); err != nil {
		return "", err
	}
	conn, err := sql.Open(storage.DriverName, "file:"+db+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var check string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		return "", fmt.Errorf("integrity_check = %q, %v", check, err)
	}
	rows, err := conn.Query(`SELECT w.title, COALESCE(n.text, '') FROM workshops w LEFT JOIN notes n ON n.workshop_id = w.id ORDER BY w.title, n.text`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var title, text string
		if err := rows.Scan(&title, &text); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s: %s\n", title, text)
	}
	return b.String(), rows.Err()
}

// checkNoRestoreLeft fails when a restore left a file beside db once the
// database has been opened again.
func checkNoRestoreLeft(t *testing.T, db string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(db))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, "."+filepath.Base(db)) {
			t.Errorf("%s is left beside the database after it was opened again", name)
		}
	}
}

// textsInFiles returns those of texts found in the bytes of db or its
// write-ahead log.
func textsInFiles(t *testing.T, db string, texts []string) []string {
	t.Helper()
	var all []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(db + suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	var found []string
	for _, text := range texts {
		if bytes.Contains(all, []byte(text)) {
			found = append(found, text)
		}
	}
	return found
}

// copyDBFiles copies the database at from, with its log and index when it
// has them, to to, and returns to.
func copyDBFiles(t *testing.T, from, to string) string {
	t.Helper()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := copyBytes(from+suffix, to+suffix); err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			t.Fatal(err)
		}
	}
	return to
}

func copyBytes(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

// TestInterruptedRestoreWithoutItsCopyPutsTheOldBack leaves what a restore
// leaves when its copy is gone before it was renamed in (the old file and
// its log moved aside, the journal naming a copy that is not there): the
// next Open must put the old database back, its log with it, whole.
func TestInterruptedRestoreWithoutItsCopyPutsTheOldBack(t *testing.T) {
	dir := t.TempDir()
	oldDB, _ := restoreCrashFiles(t, dir)
	want := contentOf(t, copyDBFiles(t, oldDB, filepath.Join(t.TempDir(), "old.db")))
	db := filepath.Join(dir, "deckhand.db")
	aside := filepath.Join(dir, ".deckhand.db.replaced")
	for _, suffix := range []string{"-wal", "-shm", ""} {
		if err := os.Rename(db+suffix, aside+suffix); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".deckhand.db.restoring"), []byte(".deckhand.db.123.tmp\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := contentOf(t, db); got != want {
		t.Errorf("after the interrupted restore the database holds:\n%s\nwant the old one:\n%s", got, want)
	}
	checkNoRestoreLeft(t, db)
}

// TestOpenDuringARestoreIsRefused opens the database while a restore has
// moved the old file aside and not yet renamed the copy in: Open must
// refuse, saying a restore is under way, and create nothing in the
// database's place; the restore then completes.
func TestOpenDuringARestoreIsRefused(t *testing.T) {
	dir := t.TempDir()
	_, backup := restoreCrashFiles(t, dir)
	want := contentOf(t, copyDBFiles(t, backup, filepath.Join(t.TempDir(), "new.db")))
	db := filepath.Join(dir, "deckhand.db")
	var openErr error
	var leftEmpty bool
	defer storage.SetCrashPoint(func(step string) {
		if step == "restore: moved aside" {
			_, openErr = storage.Open(db)
			_, err := os.Lstat(db)
			leftEmpty = err == nil
		}
	})()
	if _, err := storage.RestoreFile(backup, db); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(openErr, storage.ErrLocked) || !strings.Contains(fmt.Sprint(openErr), "is being restored") {
		t.Errorf("Open during a restore: %v; want a refusal that says a backup is being restored", openErr)
	}
	if leftEmpty {
		t.Error("Open during a restore left a file in the database's place")
	}
	if got := contentOf(t, db); got != want {
		t.Errorf("after the restore the database holds:\n%s\nwant the backup's rows:\n%s", got, want)
	}
}
