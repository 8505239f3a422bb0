//go:build !cgo

package storage

import "syscall"

// Without cgo the SQLite driver is a stub that opens nothing (a build made
// only to type-check for another platform), so no error is SQLite's.

func sqliteFull(error) bool { return false }

func sqliteSystemErrno(error) (syscall.Errno, bool) { return 0, false }
