package storage

import (
	"errors"
	"syscall"
)

// Windows says some things no other platform does, with its own error
// numbers: a file another program has open (a PDF in a viewer, a CSV in
// Excel) cannot be written, replaced or locked, and a full disk has numbers
// of its own. They are kept here by number, with the function that reads
// them, so that Linux tests them too; only a Windows build asks them
// (inOtherProgram, windowsFull: platform_windows.go), since the same
// numbers mean other things elsewhere (32 is EPIPE on Linux).
const (
	errorAccessDenied     = syscall.Errno(5)   // ERROR_ACCESS_DENIED
	errorSharingViolation = syscall.Errno(32)  // ERROR_SHARING_VIOLATION
	errorLockViolation    = syscall.Errno(33)  // ERROR_LOCK_VIOLATION
	errorHandleDiskFull   = syscall.Errno(39)  // ERROR_HANDLE_DISK_FULL
	errorDiskFull         = syscall.Errno(112) // ERROR_DISK_FULL
)

// windowsInUse are the numbers of "another program has this file open".
var windowsInUse = []syscall.Errno{errorSharingViolation, errorLockViolation}

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

// windowsOpenElsewhere reports whether Windows' err says another program
// has the file open. replacing is a rename over an existing file, which
// Windows refuses with "access denied" when the file is open elsewhere,
// and which CheckReplace has already asked about when the file is
// read-only.
func windowsOpenElsewhere(err error, replacing bool) bool {
	return errnoIn(err, windowsInUse) || replacing && errnoIn(err, []syscall.Errno{errorAccessDenied})
}
