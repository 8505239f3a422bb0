package storage_test

import (
	"errors"
	"os"
	"os/exec"
)

// The tests' uses of the system that differ between platforms: see
// platform_unix_test.go.

// makeFIFO fails: Windows has no named pipes among a folder's files.
func makeFIFO(string) error { return errors.New("Windows has no named pipes in folders") }

// asNobody fails: Windows starts no process as another user without that
// user's password.
func asNobody(*exec.Cmd) error {
	return errors.New("Windows starts no process as another user without a password")
}

// killSelf ends this process as a power cut would, with no deferred
// function run: TerminateProcess.
func killSelf() {
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		p.Kill()
	}
}
