package storage_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

// TestCheckReportsAnUnfinishedErasure stops an erasure right after its
// commit, as a crash would (the crash point panics there), and asks the
// same store for a check: it must say that the erasure is unfinished, in
// one sentence, without offering a backup (every backup holds the data),
// while the erased texts are still in the file's bytes. The next Open
// finishes it: the texts leave the bytes and the check is clean.
func TestCheckReportsAnUnfinishedErasure(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	workshop, texts := eraseCrashFile(t, path)
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	const stop = "stopped after the commit"
	undo := storage.SetCrashPoint(func(step string) {
		if step == "erase: committed" {
			panic(stop)
		}
	})
	func() {
		defer func() {
			if r := recover(); r != stop {
				t.Fatalf("the erasure did not reach its commit: %v", r)
			}
		}()
		s.EraseWorkshop(ctx, workshop, true)
	}()
	undo()
	if left := textsInFiles(t, path, texts); len(left) == 0 {
		t.Fatal("the erased texts left the file before the compaction; the test does not reach the state it is about")
	}
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || !rep.ErasureUnfinished || len(rep.Problems) != 1 {
		t.Fatalf("check of an unfinished erasure: OK %v, unfinished %v, problems %v", rep.OK, rep.ErasureUnfinished, rep.Problems)
	}
	if msg := rep.Problems[0].String(); !strings.Contains(msg, "erasure was not finished") || !strings.Contains(msg, "open the database again") {
		t.Errorf("check says %q; want that the erasure is unfinished and what to do", msg)
	}
	if rep.Restore.Found() || rep.Restore.Dir != "" {
		t.Errorf("check offers a backup (%+v) for an unfinished erasure; every backup still holds the data", rep.Restore)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if left := textsInFiles(t, path, texts); len(left) > 0 {
		t.Errorf("after the next Open %d erased texts are still in the file's bytes", len(left))
	}
	rep, err = s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.ErasureUnfinished {
		t.Errorf("check after the next Open: OK %v, unfinished %v, problems %v", rep.OK, rep.ErasureUnfinished, rep.Problems)
	}
}
