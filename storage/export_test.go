package storage

import (
	"context"
	"database/sql"
	"os"
	"sync"
)

// DSN is the connection string the store opens its file with, for the
// external tests that measure a bare SQLite connection against the store.
func DSN(path, mode string) string { return dsn(path, mode) }

// SmashPages damages every b-tree page of a closed database file past the
// first, for the external tests of what is done with damaged backups.
var SmashPages = smashPages

// SetRemoveFile replaces the function leftovers are removed with, for the
// tests of a leftover that cannot be removed, and returns the undo.
func SetRemoveFile(f func(string) error) (undo func()) {
	old := removeFile
	removeFile = f
	return func() { removeFile = old }
}

// SetCrashPoint replaces the function called between the steps of a
// restore and of an erasure, for the crash tests that kill a child process
// at each step, and returns the undo.
func SetCrashPoint(f func(step string)) (undo func()) {
	old := crashPoint
	crashPoint = f
	return func() { crashPoint = old }
}

// CheckStructure runs Open's structural checks of a closed database file
// and its write-ahead log, for the benchmark that weighs Open's checks.
func CheckStructure(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	header := make([]byte, 100)
	if _, err := f.ReadAt(header, 0); err != nil {
		return err
	}
	return structureProblem(header, info.Size(), path)
}

// VerifyRowSums recomputes every row's checksum, as Open's probe does.
func VerifyRowSums(db *sql.DB) error {
	return verifyRowSums(context.Background(), db, SchemaVersion())
}

// HoldLock takes the lock on the database at path as another Deckhand
// process would, through descriptors of its own, for the tests of a file
// in use; release lets it go.
func HoldLock(path string) (release func(), err error) {
	beside, err := lockBeside(path)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		err = lockItself(f, path)
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		if beside != nil {
			unlockBeside(beside)
		}
		return nil, err
	}
	return func() {
		f.Close()
		if beside != nil {
			unlockBeside(beside)
		}
	}, nil
}

// HoldLaterChecks makes every check OpenCheckingLater runs after the open
// wait, before it reads anything, until the returned release is called.
func HoldLaterChecks() (release func()) {
	held := make(chan struct{})
	laterCheckStarts = func() { <-held }
	return func() { close(held); laterCheckStarts = nil }
}

// SetCheckLaterUpTo changes the largest file whose check OpenCheckingLater
// leaves to run after the open, and returns the undo.
func SetCheckLaterUpTo(n int64) (undo func()) {
	old := checkLaterUpTo
	checkLaterUpTo = n
	return func() { checkLaterUpTo = old }
}

// CountLaterChecks counts the checks OpenCheckingLater left for after the
// open that have begun, until the returned undo is called.
func CountLaterChecks() (begun func() int, undo func()) {
	var mu sync.Mutex
	n := 0
	laterCheckStarts = func() { mu.Lock(); n++; mu.Unlock() }
	return func() int { mu.Lock(); defer mu.Unlock(); return n }, func() { laterCheckStarts = nil }
}
