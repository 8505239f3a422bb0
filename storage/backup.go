package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Backups are whole copies of the database made with VACUUM INTO, checked
// with PRAGMA quick_check before they get their real name, so a file named
// deckhand-YYYYMMDD-HHMMSS.db (UTC) in a backup folder is always a sound
// Deckhand database.

// BackupInfo is one backup file.
type BackupInfo struct {
	Path string
	At   time.Time // when it was made, from its name
	Size int64
}

const backupTimeLayout = "20060102-150405"

// backupName matches a backup's file name; a second backup within the same
// second gets "-2", "-3" and so on.
var backupName = regexp.MustCompile(`^deckhand-(\d{8}-\d{6})(?:-(\d+))?\.db$`)

// BackupDir is the folder the backups of the database at dbPath go in: the
// database's path without ".db" and with "-backups", beside it, so two
// databases never share one.
func BackupDir(dbPath string) string {
	if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	return strings.TrimSuffix(dbPath, ".db") + "-backups"
}

// Backup writes a checked copy of the database into dir (created when
// missing) and returns its path. A database that fails its own quick_check
// is not backed up: a damaged copy would only hide the good older ones.
func (s *Store) Backup(ctx context.Context, dir string) (string, error) {
	if err := s.check.wait(ctx); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create the backup folder %s (%v); choose a folder you can write to", dir, unwrapPathError(err))
	}
	return backupInto(ctx, s.db, s.path, dir, s.Now())
}

// BackupTo writes a checked copy of the database to path, replacing a file
// already there only once the copy is complete and sound. It never writes
// over the database's own files or into its backup folder (see Protects),
// and through a symlink it replaces the file the link points at.
func (s *Store) BackupTo(ctx context.Context, path string) error {
	if err := s.check.wait(ctx); err != nil {
		return err
	}
	if err := s.Protects(path); err != nil {
		return err
	}
	path, err := realPath(path)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	tmp, err := checkedCopy(ctx, s.db, s.path, filepath.Dir(path))
	if err != nil {
		return err
	}
	return placeBackup(tmp, path)
}

// backupInto copies db into dir under a free backup name for the time now.
func backupInto(ctx context.Context, db *sql.DB, dbPath, dir string, now time.Time) (string, error) {
	tmp, err := checkedCopy(ctx, db, dbPath, dir)
	if err != nil {
		return "", err
	}
	stamp := now.UTC().Format(backupTimeLayout)
	path := filepath.Join(dir, "deckhand-"+stamp+".db")
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("deckhand-%s-%d.db", stamp, n))
	}
	if err := placeBackup(tmp, path); err != nil {
		return "", err
	}
	return path, nil
}

// checkedCopy checks db, copies it with VACUUM INTO to a temporary file in
// dir, syncs the copy and checks it too. It returns the temporary file's
// path; on error nothing is left behind.
func checkedCopy(ctx context.Context, db *sql.DB, dbPath, dir string) (tmpPath string, err error) {
	if err := quickCheck(ctx, db); err != nil {
		return "", withKind(ErrCorrupt, "%s is damaged (%v), so it was not backed up; restore the newest backup with deckhand restore", dbPath, err)
	}
	f, err := createTemp(dir, ".deckhand-backup-*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write in the folder %s (%v); choose a folder you can write to", dir, unwrapPathError(err))
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(tmp)
			doneTemp(tmp)
		}
	}()
	// VACUUM INTO accepts an existing empty file, so the name stays ours.
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return "", fmt.Errorf("back up %s: %w", dbPath, friendlyWriteError(err))
	}
	if err := syncFile(tmp); err != nil {
		return "", fmt.Errorf("back up %s: %w (is the disk full?)", dbPath, err)
	}
	copyDB, err := sql.Open(driverName, "file:"+escapePath(tmp)+"?mode=ro&immutable=1")
	if err != nil {
		return "", err
	}
	err = quickCheck(ctx, copyDB)
	copyDB.Close()
	if err != nil {
		return "", withKind(ErrCorrupt, "the backup of %s failed its check (%v) and was removed; check the disk and try again", dbPath, err)
	}
	return tmp, nil
}

// quickCheck runs PRAGMA quick_check and verifies every row's checksum
// (see rowsums.go), and returns what it found as an error.
func quickCheck(ctx context.Context, db *sql.DB) error {
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return errors.New(result)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	return verifyRowSums(ctx, db, version)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// placeBackup renames the finished temporary file to path and syncs the
// folder, so the name survives a power cut.
func placeBackup(tmp, path string) error {
	defer doneTemp(tmp)
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// Backups lists the backups in dir, newest first. A missing folder has none.
func Backups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the backup folder %s: %w", dir, unwrapPathError(err))
	}
	type entry struct {
		info BackupInfo
		seq  int
	}
	var list []entry
	for _, e := range entries {
		m := backupName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		at, err := time.Parse(backupTimeLayout, m[1])
		if err != nil {
			continue
		}
		seq := 1
		if m[2] != "" {
			seq, _ = strconv.Atoi(m[2])
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		list = append(list, entry{BackupInfo{Path: filepath.Join(dir, e.Name()), At: at, Size: info.Size()}, seq})
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].info.At.Equal(list[j].info.At) {
			return list[i].info.At.After(list[j].info.At)
		}
		return list[i].seq > list[j].seq
	})
	out := make([]BackupInfo, len(list))
	for i, e := range list {
		out[i] = e.info
	}
	return out, nil
}

// Thinning: the newest keepNewest backups stay; of older ones, the newest of
// each UTC day for keepDays days and the newest of each week (from Monday)
// for keepWeeks weeks.
const (
	keepNewest = 10
	keepDays   = 7
	keepWeeks  = 5
)

// Thin deletes the backups in dir that thinning no longer keeps and returns
// their paths.
func Thin(dir string, now time.Time) ([]string, error) {
	list, err := Backups(dir)
	if err != nil {
		return nil, err
	}
	_, drop := thinPlan(list, now)
	var deleted []string
	for _, b := range drop {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return deleted, fmt.Errorf("remove the old backup %s: %w", b.Path, unwrapPathError(err))
		}
		deleted = append(deleted, b.Path)
	}
	return deleted, nil
}

// thinPlan decides which backups (newest first) to keep. A day or week that
// already has a kept backup gets no second one, so what is kept for a day
// is its newest backup and stays kept as it ages into the weekly rule.
func thinPlan(backups []BackupInfo, now time.Time) (keep, drop []BackupInfo) {
	today := day(now)
	thisWeek := week(now)
	days := map[time.Time]bool{}
	weeks := map[time.Time]bool{}
	for i, b := range backups {
		d, w := day(b.At), week(b.At)
		switch {
		case i < keepNewest,
			!days[d] && today.Sub(d) < keepDays*24*time.Hour,
			!weeks[w] && thisWeek.Sub(w) < keepWeeks*7*24*time.Hour:
			keep = append(keep, b)
			days[d], weeks[w] = true, true
		default:
			drop = append(drop, b)
		}
	}
	return keep, drop
}

// day is the start of t's UTC day.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// week is the start of t's week (Monday, UTC).
func week(t time.Time) time.Time {
	d := day(t)
	return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
}
