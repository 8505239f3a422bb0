//go:build !cgo

package storage

import (
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// Without cgo the SQLite driver is a stub that opens nothing (a build made
// only to type-check for another platform), so no error is SQLite's.

func sqliteFull(error) bool { return false }

func sqliteReadOnly(error) bool { return false }

func sqliteCantOpen(error) bool { return false }

func sqliteBusy(error) bool { return false }

func sqliteSystemErrno(error) (syscall.Errno, bool) { return 0, false }

func execAll(*sqlite3.SQLiteConn, []string) error { return nil }
