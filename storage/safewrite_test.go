package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

// A file replaced keeps its mode: an export written over a 0600 file must
// not make it world-readable.
func TestWriteFileAtomicKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	for _, perm := range []os.FileMode{0o600, 0o640, 0o664} {
		path := filepath.Join(t.TempDir(), "names.csv")
		if err := os.WriteFile(path, []byte("old"), perm); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, perm); err != nil { // whatever the umask
			t.Fatal(err)
		}
		if err := storage.WriteFileAtomic(path, writeString("new")); err != nil {
			t.Fatalf("WriteFileAtomic: %v", err)
		}
		info, err := os.Stat(path)
		if err != nil || info.Mode().Perm() != perm {
			t.Errorf("mode after replacing a %v file = %v, %v; want %v", perm, info.Mode().Perm(), err, perm)
		}
		if b, _ := os.ReadFile(path); string(b) != "new" {
			t.Errorf("file holds %q, want %q", b, "new")
		}
	}
}

// A new file that holds people's names is readable by its owner alone.
func TestWritePrivateFileAtomicMakesANewFileOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshop.json")
	if err := storage.WritePrivateFileAtomic(path, writeString(`{"names":true}`)); err != nil {
		t.Fatalf("WritePrivateFileAtomic: %v", err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, %v; want 0600", info.Mode().Perm(), err)
	}
}

// Writing through a symlink writes the real file and leaves the link a
// link (a file kept in a synced folder and linked from elsewhere).
func TestWriteFileAtomicFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	realDir := filepath.Join(dir, "synced")
	if err := os.Mkdir(realDir, 0o700); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(realDir, "deck.csv")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "deck.csv")
	if err := os.Symlink("synced/deck.csv", link); err != nil {
		t.Fatal(err)
	}
	if err := storage.WriteFileAtomic(link, writeString("new")); err != nil {
		t.Fatalf("WriteFileAtomic: %v", err)
	}
	if target, err := os.Readlink(link); err != nil || target != "synced/deck.csv" {
		t.Errorf("the link now is %q, %v; want it still pointing at synced/deck.csv", target, err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("the real file holds %q, want %q", b, "new")
	}
	if info, err := os.Stat(real); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the real file's mode = %v, %v; want 0600 kept", info.Mode().Perm(), err)
	}
	if names := folderNames(t, realDir); len(names) != 1 {
		t.Errorf("the real folder holds %q; want only deck.csv", names)
	}

	// A link to a file not there yet makes that file.
	dangling := filepath.Join(dir, "later.csv")
	if err := os.Symlink(filepath.Join(realDir, "later.csv"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := storage.WriteFileAtomic(dangling, writeString("first")); err != nil {
		t.Fatalf("WriteFileAtomic through a dangling link: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(realDir, "later.csv")); string(b) != "first" {
		t.Errorf("the link's target holds %q, want %q", b, "first")
	}
	if info, err := os.Lstat(dangling); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("later.csv is no longer a link: %v, %v", info, err)
	}
}

// CheckReplace says when a write would replace a read-only file, so that
// the caller asks first (or refuses without --force).
func TestCheckReplaceNamesAReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "final.pdf")
	if err := os.WriteFile(ro, []byte("signed off"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := storage.CheckReplace(ro)
	if !errors.Is(err, storage.ErrReadOnlyFile) || !strings.Contains(err.Error(), "final.pdf") {
		t.Errorf("CheckReplace(read-only) = %v; want ErrReadOnlyFile naming the file", err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(ro, link); err != nil {
		t.Fatal(err)
	}
	if err := storage.CheckReplace(link); !errors.Is(err, storage.ErrReadOnlyFile) {
		t.Errorf("CheckReplace(link to read-only) = %v; want ErrReadOnlyFile", err)
	}
	for _, ok := range []string{filepath.Join(dir, "new.pdf"), writable(t, dir)} {
		if err := storage.CheckReplace(ok); err != nil {
			t.Errorf("CheckReplace(%s) = %v; want nil", filepath.Base(ok), err)
		}
	}
	// Replaced anyway, the file keeps its read-only mode.
	if err := storage.WriteFileAtomic(ro, writeString("revised")); err != nil {
		t.Fatalf("WriteFileAtomic: %v", err)
	}
	if info, err := os.Stat(ro); err != nil || info.Mode().Perm() != 0o444 {
		t.Errorf("mode = %v, %v; want 0444 kept", info.Mode().Perm(), err)
	}
}

func writable(t *testing.T, dir string) string {
	p := filepath.Join(dir, "draft.pdf")
	if err := os.WriteFile(p, []byte("draft"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Protects refuses the database, its -wal, -shm and -journal (on Linux the
// lock is the database file itself) and anything in its backup folder, however the
// path is spelled: relative, with "..", or through a symlink.
func TestProtectsTheDatabaseAndItsFiles(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "t.db")
	s, err := storage.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	backup, err := s.Backup(context.Background(), storage.BackupDir(dbPath))
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "alias.csv")
	if err := os.Symlink(dbPath, link); err != nil {
		t.Fatal(err)
	}
	dirLink := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Symlink(dir, dirLink); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.csv")
	if err := os.Link(dbPath, hard); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	refused := []string{
		dbPath, "t.db", "./sub/../t.db", dbPath + "-wal", dbPath + "-shm", dbPath + "-journal",
		link, filepath.Join(dirLink, "t.db"), filepath.Join(dirLink, "t.db-wal"), hard,
		backup, filepath.Join(storage.BackupDir(dbPath), "new.csv"), storage.BackupDir(dbPath),
		filepath.Join(dirLink, "t-backups", "deckhand-x.db"),
	}
	for _, p := range refused {
		err := s.Protects(p)
		if err == nil {
			t.Errorf("Protects(%s) = nil; want a refusal", p)
			continue
		}
		if !errors.Is(err, storage.ErrProtectedFile) {
			t.Errorf("Protects(%s) = %v; want ErrProtectedFile", p, err)
		}
	}
	for _, p := range []string{"t.csv", filepath.Join(dir, "t.db.csv"), filepath.Join(dir, "t-backups.csv"), filepath.Join(dirLink, "other.db")} {
		if err := s.Protects(p); err != nil {
			t.Errorf("Protects(%s) = %v; want nil", p, err)
		}
	}
	t.Logf("message: %v", s.Protects("t.db"))
}

// Restoring through a symlink restores the file the link points at and
// leaves the link a link: the database in use stays the one in the synced
// folder.
func TestRestoreThroughASymlinkRestoresTheRealFile(t *testing.T) {
	dir := t.TempDir()
	realDir := filepath.Join(dir, "synced")
	if err := os.Mkdir(realDir, 0o700); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(realDir, "deckhand.db")
	s, err := storage.Open(real)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	backup, err := s.Backup(ctx, filepath.Join(dir, "backups"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDeck(ctx, d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	link := filepath.Join(dir, "deckhand.db")
	if err := os.Symlink("synced/deckhand.db", link); err != nil {
		t.Fatal(err)
	}
	if _, err := storage.RestoreFile(backup, link); err != nil {
		t.Fatalf("RestoreFile: %v", err)
	}
	if target, err := os.Readlink(link); err != nil || target != "synced/deckhand.db" {
		t.Fatalf("the link now is %q, %v; want it still pointing at synced/deckhand.db", target, err)
	}
	s, err = storage.Open(real)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if decks, err := s.Decks(ctx); err != nil || len(decks) != 0 {
		t.Errorf("the real file holds %d decks, %v; want none, as in the backup (it was not restored)", len(decks), err)
	}
}

// The lock file beside the database (macOS, Windows) is one of its own
// files too: an export written over it would let a second Deckhand in. It
// is refused on every platform, since a folder may be shared between them.
func TestProtectsTheLockFile(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "t.db")
	s, err := storage.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dirLink := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Symlink(dir, dirLink); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dbPath + ".lock", filepath.Join(dirLink, "t.db.lock")} {
		if err := s.Protects(p); !errors.Is(err, storage.ErrProtectedFile) {
			t.Errorf("Protects(%s) = %v; want ErrProtectedFile", p, err)
		}
	}
	if err := s.Protects(dbPath + ".lock.csv"); err != nil {
		t.Errorf("Protects(%s) = %v; want nil", dbPath+".lock.csv", err)
	}
}
