package storage

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
)

// A backup, a restore or an atomic write killed before its rename leaves
// its temporary file behind: a copy of the database, or of an export,
// holding pseudonyms and notes. Nobody sees these dot-files, and an erasure
// would not reach them, so the store removes them when it opens and before
// an erasure reports, beside the database and in its backup folder. Only
// names of the exact forms this package makes are touched (os.CreateTemp
// puts a decimal number where the pattern has its star), and never a file
// this process is still writing.

// leftoverSuffix is what SQLite may add beside a copy VACUUM INTO was
// writing when it was killed.
const leftoverSuffix = `\.tmp(?:-journal|-wal|-shm)?$`

// leftoverKinds are the temporary names of checkedCopy (a backup) and of
// WriteFileAtomic for the files Deckhand writes (PDF, JSON, CSV). Restore's
// copy of the database is named after it: see isLeftover.
var leftoverKinds = regexp.MustCompile(`^\.(?:deckhand-backup-\d+|.+\.(?:pdf|json|csv)\.\d+)` + leftoverSuffix)

// sqliteSide finds SQLite's side files of a temporary copy, to name the copy.
var sqliteSide = regexp.MustCompile(`\.tmp-(?:journal|wal|shm)$`)

// removeFile removes one leftover; tests make it fail.
var removeFile = os.Remove

// writing holds the temporary files this process is writing now, which a
// cleanup running meanwhile (an erasure during a background print) leaves.
var writing sync.Map

// createTemp is os.CreateTemp for a temporary file that a cleanup must
// leave alone until doneTemp.
func createTemp(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		writing.Store(f.Name(), true)
	}
	return f, err
}

// doneTemp says the temporary file is renamed or removed.
func doneTemp(name string) { writing.Delete(name) }

// isLeftover reports whether name, in the database's folder or its backup
// folder, is a temporary file of this package's making for the database
// named dbBase.
func isLeftover(name, dbBase string) bool {
	if leftoverKinds.MatchString(name) {
		return true
	}
	restored := regexp.MustCompile(`^\.` + regexp.QuoteMeta(dbBase) + `\.\d+` + leftoverSuffix)
	return restored.MatchString(name)
}

// removeLeftovers removes the leftovers beside the database at dbPath and
// in its backup folder and returns the paths of those it could not remove,
// sorted. A folder that cannot be read is named itself.
func removeLeftovers(dbPath string) []string {
	var kept []string
	base := filepath.Base(dbPath)
	for _, dir := range []string{filepath.Dir(dbPath), BackupDir(dbPath)} {
		entries, err := os.ReadDir(dir)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			kept = append(kept, dir)
			continue
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !isLeftover(e.Name(), base) {
				continue
			}
			path := filepath.Join(dir, e.Name())
			if _, busy := writing.Load(sqliteSide.ReplaceAllString(path, ".tmp")); busy {
				continue
			}
			if err := removeFile(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				kept = append(kept, path)
			}
		}
	}
	sort.Strings(kept)
	return kept
}
