package storage

import (
	"errors"
	"fmt"
	"syscall"
)

// Windows says some things no other platform does, with its own error
// numbers: a file another program has open (a PDF in a viewer, a CSV in
// Excel) cannot be written, replaced or locked, and a full disk has numbers
// of its own. They are kept here by number, with the functions that read
// them, so that Linux tests them too (setting platform); they answer only
// on Windows, since the same numbers mean other things elsewhere (32 is
// EPIPE on Linux).
const (
	errorAccessDenied     = syscall.Errno(5)   // ERROR_ACCESS_DENIED
	errorSharingViolation = syscall.Errno(32)  // ERROR_SHARING_VIOLATION
	errorLockViolation    = syscall.Errno(33)  // ERROR_LOCK_VIOLATION
	errorHandleDiskFull   = syscall.Errno(39)  // ERROR_HANDLE_DISK_FULL
	errorDiskFull         = syscall.Errno(112) // ERROR_DISK_FULL
)

// windowsInUse are the numbers of "another program has this file open".
var windowsInUse = []syscall.Errno{errorSharingViolation, errorLockViolation}

// windowsReplaceInUse adds "access denied", which is what Windows says to
// a rename over a file open elsewhere; a file that is read-only on purpose
// CheckReplace has asked about before.
var windowsReplaceInUse = append([]syscall.Errno{errorAccessDenied}, windowsInUse...)

// windowsDiskFull are the numbers of "the disk is full".
var windowsDiskFull = []syscall.Errno{errorDiskFull, errorHandleDiskFull}

// errnoIn reports whether err is, or wraps, one of the numbers, also as the
// system's number behind an error of SQLite's.
func errnoIn(err error, numbers []syscall.Errno) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		var ok bool
		if errno, ok = sqliteSystemErrno(err); !ok {
			return false
		}
	}
	for _, n := range numbers {
		if errno == n {
			return true
		}
	}
	return false
}

// inOtherProgram reports whether err is Windows saying that another
// program has the file open.
func inOtherProgram(err error) bool {
	return platform == "windows" && errnoIn(err, windowsInUse)
}

// replacedInOtherProgram is inOtherProgram for a rename over an existing
// file.
func replacedInOtherProgram(err error) bool {
	return platform == "windows" && errnoIn(err, windowsReplaceInUse)
}

// windowsFull reports whether err is Windows' own "the disk is full".
func windowsFull(err error) bool {
	return platform == "windows" && errnoIn(err, windowsDiskFull)
}

// replaceError is the error of a rename of the finished file name over
// the one the user chose, which failed with err.
func replaceError(name string, err error) error {
	if replacedInOtherProgram(err) {
		return fmt.Errorf("cannot replace %s: the file is open in another program; close it there (a PDF viewer, Excel) and try again (nothing was changed): %w", name, err)
	}
	return fmt.Errorf("write %s: %w", name, err)
}
