//go:build unix

package storage_test

import (
	"os"
	"os/exec"
	"syscall"
)

// The tests' uses of the system that differ between platforms: this
// file for Linux and macOS, platform_windows_test.go for Windows.

// makeFIFO makes a named pipe at path.
func makeFIFO(path string) error { return syscall.Mkfifo(path, 0o600) }

// asNobody makes cmd run as uid and gid 65534.
func asNobody(cmd *exec.Cmd) error {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return nil
}

// killSelf ends this process as a power cut would, with no deferred
// function or exit handler run: SIGKILL.
func killSelf() { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
