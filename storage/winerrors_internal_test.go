package storage

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
)

// onPlatform makes the store follow goos's rules for the rest of the test.
func onPlatform(t *testing.T, goos string) {
	t.Helper()
	old := platform
	platform = goos
	t.Cleanup(func() { platform = old })
}

// Windows' numbers for a file open in another program and for a full disk
// are read as such on Windows only: on Linux 32 is EPIPE and 33 EDOM.
func TestWindowsErrorNumbers(t *testing.T) {
	wrapped := func(n syscall.Errno) error {
		return fmt.Errorf("write the PDF: %w", &os.PathError{Op: "open", Path: `C:\out\deck.pdf`, Err: n})
	}
	tests := []struct {
		name                     string
		err                      error
		inUse, replaced, diskful bool
	}{
		{"sharing violation", wrapped(32), true, true, false},
		{"lock violation", wrapped(33), true, true, false},
		{"access denied", wrapped(5), false, true, false},
		{"disk full", wrapped(112), false, false, true},
		{"handle disk full", wrapped(39), false, false, true},
		{"file not found", wrapped(2), false, false, false},
		{"no errno", errors.New("sharing violation"), false, false, false},
	}
	for _, goos := range []string{"windows", "linux", "darwin"} {
		for _, tt := range tests {
			t.Run(goos+"/"+tt.name, func(t *testing.T) {
				onPlatform(t, goos)
				win := goos == "windows"
				if got := inOtherProgram(tt.err); got != (win && tt.inUse) {
					t.Errorf("inOtherProgram = %v", got)
				}
				if got := replacedInOtherProgram(tt.err); got != (win && tt.replaced) {
					t.Errorf("replacedInOtherProgram = %v", got)
				}
				if got := diskFull(tt.err); got != (win && tt.diskful) {
					t.Errorf("diskFull = %v", got)
				}
			})
		}
	}
}

func TestAFileOpenInAnotherProgramIsSaidSo(t *testing.T) {
	viewer := &os.LinkError{Op: "rename", Old: `C:\out\.deck.pdf.123.tmp`, New: `C:\out\deck.pdf`, Err: errorSharingViolation}
	onPlatform(t, "windows")
	got := replaceError("deck.pdf", viewer).Error()
	want := "cannot replace deck.pdf: the file is open in another program; close it there (a PDF viewer, Excel) and try again (nothing was changed): "
	if !strings.HasPrefix(got, want) {
		t.Errorf("replaceError = %q; want it to begin %q", got, want)
	}
	got = friendlyWriteError(fmt.Errorf("commit: %w", errorLockViolation)).Error()
	want = "the database file is open in another program; close that program and try again (nothing was changed): "
	if !strings.HasPrefix(got, want) {
		t.Errorf("friendlyWriteError = %q; want it to begin %q", got, want)
	}

	onPlatform(t, "linux")
	if got := replaceError("deck.pdf", viewer).Error(); strings.Contains(got, "another program") {
		t.Errorf("on Linux errno 32 (EPIPE) reads as %q", got)
	}
}
