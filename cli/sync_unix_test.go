//go:build !windows

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a buffer a running command writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A running sync stamps each line with the time in UTC, writes and
// merges, and stops on SIGINT having written everything.
func TestSyncRunsUntilInterrupted(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "Team")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(dir, "a.db")
	if code, out, errOut := run(t, a, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json")); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	var out, errOut lockedBuffer
	done := make(chan int)
	go func() {
		done <- Run([]string{"--db", a, "sync", "--folder", folder, "--debounce", "10ms", "--rescan", "50ms"}, &out, &errOut)
	}()
	waitFor := func(what string) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if strings.Contains(out.String(), what) {
				return
			}
		}
		t.Fatalf("no %q within 10 s:\n%s%s", what, out.String(), errOut.String())
	}
	waitFor(" wrote workshops/")
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("sync did not stop on SIGINT")
	}
	stamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (syncing|wrote|merged|left alone|removed|stopped)`)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	for _, l := range lines {
		if !stamp.MatchString(l) {
			t.Errorf("line without its UTC stamp first: %q", l)
		}
	}
	if !strings.HasSuffix(lines[len(lines)-1], "stopped; every change was written") {
		t.Errorf("last line %q", lines[len(lines)-1])
	}
}
