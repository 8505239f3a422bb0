//go:build cgo

package storage

import (
	"testing"

	"github.com/mattn/go-sqlite3"
)

// SQLite on Windows reports another program's lock as an I/O error with
// the system's number behind it.
func TestSQLitesWindowsErrorNumbers(t *testing.T) {
	onPlatform(t, "windows")
	if err := (sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: errorLockViolation}); !inOtherProgram(err) {
		t.Errorf("inOtherProgram(%v) = false", err)
	}
	if err := (sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: errorDiskFull}); !diskFull(err) {
		t.Errorf("diskFull(%v) = false", err)
	}
	onPlatform(t, "linux")
	if err := (sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: errorLockViolation}); inOtherProgram(err) {
		t.Errorf("on Linux inOtherProgram(%v) = true", err)
	}
}
