package teamfolder

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"deckhand/storage"
	"deckhand/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

// newStore makes a database of its own for one laptop of a test: the
// seeded template's copy for the first, a new database for each other, so
// that no two laptops share a deck's ids.
func newStore(t testing.TB) *storage.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	if storagetest.FirstCopy(t) {
		storagetest.Copy(t, path)
	}
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newWorkshop adds a workshop of tables × perTable cards made from the
// example workshop, different for each seed, and returns its id.
func newWorkshop(t testing.TB, s *storage.Store, seed uint64) string {
	t.Helper()
	id, err := storagetest.FillWorkshop(context.Background(), s, seed, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// openFolder opens dir for s with test settings: a fake clock for the
// pauses when after is not nil.
func openFolder(t testing.TB, s *storage.Store, dir string, after afterFunc) *Folder {
	t.Helper()
	f, err := Open(Options{Store: s, Dir: dir, Name: "laptop " + filepath.Base(filepath.Dir(s.Path())), App: "test", after: after})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// syncOnce runs SyncOnce or fails.
func syncOnce(t testing.TB, f *Folder) Report {
	t.Helper()
	r, err := f.SyncOnce(context.Background())
	if err != nil {
		t.Fatalf("SyncOnce: %v", err)
	}
	return r
}

// setOld gives a file a time far enough back that its stat is trusted
// (racyWindow), as a file synced a while ago has.
func setOld(t testing.TB, path string) {
	t.Helper()
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}
