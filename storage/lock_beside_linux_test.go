package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// onLockFile makes the store lock as it does on macOS, for the rest of the
// test: an flock on the lock file beside the database, none on the file.
func onLockFile(t *testing.T) {
	t.Helper()
	beside, itself := lockBeside, lockItself
	lockBeside = flockBeside
	lockItself = func(*os.File, string) error { return nil }
	t.Cleanup(func() { lockBeside, lockItself = beside, itself })
}

// openPaths are the files under dir this process has open, from /proc.
func openPaths(t *testing.T, dir string) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd to read open files from")
	}
	var open []string
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			open = append(open, strings.TrimSuffix(target, " (deleted)"))
		}
	}
	return open
}

func TestTheLockFileKeepsASecondDeckhandOut(t *testing.T) {
	onLockFile(t)
	path := filepath.Join(t.TempDir(), "deckhand.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(lockPath(path)); err != nil || !info.Mode().IsRegular() {
		t.Fatalf("no lock file beside the open database: %v", err)
	}
	start := time.Now()
	if _, err := OpenWaiting(path, 2*time.Second); !errors.Is(err, ErrLocked) || time.Since(start) > time.Second {
		t.Errorf("a second Open in this process: %v after %v; want ErrLocked at once", err, time.Since(start))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(lockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file stayed after Close: %v", err)
	}

	other, err := flockBeside(path) // another Deckhand's lock
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path+" is in use by another Deckhand, a window or a command; close that window or let the command finish, then try again") {
		t.Errorf("Open while another Deckhand holds the lock file: %v", err)
	}
	time.AfterFunc(300*time.Millisecond, func() { other.Close() })
	s, err = OpenWaiting(path, 5*time.Second)
	if err != nil {
		t.Fatalf("OpenWaiting while the other let go after 0.3 s: %v", err)
	}
	defer s.Close()
	if kept := removeLeftovers(path); len(kept) != 0 {
		t.Errorf("removeLeftovers kept %v", kept)
	}
	if _, err := os.Stat(lockPath(path)); err != nil {
		t.Errorf("removeLeftovers took the lock file: %v", err)
	}
}

// Every link to the database meets the one lock, beside the real file: a
// restore, which goes through a link to the real file, is refused while a
// window has the database open through the link.
func TestTheLockFileIsBesideTheRealFile(t *testing.T) {
	onLockFile(t)
	real := filepath.Join(t.TempDir(), "deckhand.db")
	first, err := Open(real)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	link := filepath.Join(t.TempDir(), "linked.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s, err := Open(link)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Lstat(lockPath(link)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a lock file beside the link: %v", err)
	}
	if other, err := flockBeside(real); !errors.Is(err, errHeld) {
		t.Errorf("the real file's lock file was not held: %v", err)
		if other != nil {
			other.Close()
		}
	}
}

// A refused file's folder is left as it was: no lock file stays beside a
// file that is not Deckhand's, or beside a folder.
func TestARefusedFileLeavesNoLockFile(t *testing.T) {
	onLockFile(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notes, []byte("not a database, but long enough to be read as a header of one\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "decks")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{notes, folder} {
		if _, err := Open(path); !errors.Is(err, ErrNotDatabase) {
			t.Errorf("Open(%s) = %v; want ErrNotDatabase", path, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "decks notes.db" {
		t.Errorf("the folder holds %s after the refusals; want decks notes.db", got)
	}
}

// A Deckhand that opened the lock file just before its holder removed it
// must not take the removed file for the lock: a third would make a new one.
func TestALockFileRemovedMeanwhileIsNotTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deckhand.db")
	first, err := flockBeside(path)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	second, err := openLockBeside(path, func(f *os.File) error {
		calls++
		if calls == 1 { // the holder lets go between this one's open and its lock
			unlockBeside(first)
		}
		return flockNow(f)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer unlockBeside(second)
	if calls != 2 {
		t.Errorf("locked after %d tries; want a second try on the new file", calls)
	}
	locked, _ := second.Stat()
	named, err := os.Stat(lockPath(path))
	if err != nil || !os.SameFile(locked, named) {
		t.Errorf("the lock held is not the file named %s (%v)", lockPath(path), err)
	}
	if third, err := flockBeside(path); !errors.Is(err, errHeld) {
		t.Errorf("a third Deckhand got the lock too: %v", err)
		if third != nil {
			third.Close()
		}
	}
}

// A restore renames over the database only once nothing has it open
// (Windows refuses a rename over an open file), while its lock holds: on
// Linux the journal's, where there is one the lock file's too.
func TestRestoreRenamesOverNoOpenFile(t *testing.T) {
	for _, lock := range []string{"the database file", "the lock file"} {
		t.Run(lock, func(t *testing.T) {
			if lock == "the lock file" {
				onLockFile(t)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "deckhand.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			backup, err := s.Backup(context.Background(), BackupDir(path))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			var problems []string
			checked := false
			defer func(f func(string)) { crashPoint = f }(crashPoint)
			crashPoint = func(step string) {
				if !strings.HasPrefix(step, "restore: moved aside") && step != "restore: renamed" {
					return
				}
				checked = true
				for _, p := range openPaths(t, dir) {
					// The backup it copies from is open, in its own folder.
					if filepath.Dir(p) == dir && p != journalPath(path) && p != lockPath(path) {
						problems = append(problems, step+": "+p+" is open")
					}
				}
				if _, err := Open(path); !errors.Is(err, ErrLocked) {
					problems = append(problems, step+": another Open was not refused: "+errString(err))
				}
				if lock == "the lock file" {
					if f, err := flockBeside(path); !errors.Is(err, errHeld) {
						problems = append(problems, step+": the lock file was not held")
						if f != nil {
							f.Close()
						}
					}
				}
			}
			if _, err := RestoreFile(backup, path); err != nil {
				t.Fatal(err)
			}
			if !checked {
				t.Fatal("the restore passed none of its renames")
			}
			for _, p := range problems {
				t.Error(p)
			}
			s, err = Open(path)
			if err != nil {
				t.Fatalf("Open after the restore: %v", err)
			}
			s.Close()
		})
	}
}

func errString(err error) string {
	if err == nil {
		return "it opened"
	}
	return err.Error()
}
