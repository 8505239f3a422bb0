package teamfolder

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// A reader never sees a part of a file while it is rewritten: every read
// is the old file or the new one whole, and no temporary file is left.
func TestWriteAtomicShowsNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	old := bytes.Repeat([]byte("a"), 1<<20)
	if err := writeAtomic(path, old); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var bad []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			b, err := os.ReadFile(path)
			if err != nil {
				bad = append(bad, err.Error())
				continue
			}
			if len(b) != 1<<20 || (b[0] != 'a' && b[0] != 'b') || !bytes.Equal(b, bytes.Repeat(b[:1], len(b))) {
				bad = append(bad, "a part of a file")
			}
		}
	}()
	for i := range 40 {
		data := bytes.Repeat([]byte{"ab"[i%2]}, 1<<20)
		if err := writeAtomic(path, data); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if len(bad) > 0 {
		t.Fatalf("%d reads saw no whole file, the first: %s", len(bad), bad[0])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the folder holds %d entries, want f.json alone", len(entries))
	}
}

// A write that fails leaves the file as it was and no temporary file.
func TestWriteAtomicFailingLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	// A folder where the file should be: the rename cannot replace it.
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, []byte("{}")); err == nil {
		t.Fatal("writeAtomic over a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpEnding) {
			t.Errorf("the temporary file %s was left", e.Name())
		}
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		t.Errorf("the folder in the way was changed: %v", err)
	}
}
