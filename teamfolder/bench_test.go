package teamfolder

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage/storagetest"
)

// benchLaptops is how many laptops share the benchmark's folder: each
// workshop has a file of each.
const benchLaptops = 5

// BenchmarkSyncOnceUnchanged runs SyncOnce over a folder of 100 workshops
// from 5 laptops (500 files, and this laptop's 100), none changed since it
// merged them: what every rescan costs. Its floor is a bare walk of the
// same folders with a stat of every file, which no reading of the folder
// can do without.
func BenchmarkSyncOnceUnchanged(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	ids := benchFolder(b, dir, 100)
	s := newStore(b)
	f := openFolder(b, s, dir, nil)
	if r := syncOnce(b, f); len(r.Merged) != len(ids)*benchLaptops {
		b.Fatalf("merged %d files; want %d", len(r.Merged), len(ids)*benchLaptops)
	}
	ageAll(b, dir)
	syncOnce(b, f) // notes the files' times, now trusted
	var sync, floor time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		r, err := f.SyncOnce(ctx)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		files := walkAndStat(b, filepath.Join(dir, workshopsDir))
		floor += time.Since(mid)
		sync += mid.Sub(start)
		n++
		if r.Unchanged != len(ids)*benchLaptops || len(r.Merged)+len(r.Written) != 0 || files != len(ids)*(benchLaptops+1) {
			b.Fatalf("pass %d: %d unchanged, %d merged, %d written, %d files", n, r.Unchanged, len(r.Merged), len(r.Written), files)
		}
	}
	reportAgainstFloor(b, sync, floor, n)
}

// BenchmarkMergeOneChangedFile has SyncOnce merge one file that changed
// (its bytes; the workshop it holds is the one stored, as most merges
// find), in a folder that holds nothing else, against its floor:
// ImportWorkshop of the same file already parsed; and, as a second
// floor, the file read and parsed (game.ReadFile) and then merged.
func BenchmarkMergeOneChangedFile(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	example, err := os.ReadFile(filepath.Join("..", "docs", "example-workshop.json"))
	if err != nil {
		b.Fatal(err)
	}
	parsed, err := game.ReadFile(bytes.NewReader(example))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, workshopsDir, parsed.Workshop.ID, cards.NewID()+".json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	// Two versions of the file's bytes, written in turn: each pass finds
	// the file changed.
	versions := [][]byte{example, append(append([]byte{}, example...), '\n')}
	s := newStore(b)
	f := openFolder(b, s, dir, nil)
	var sync, floor, parsing time.Duration
	n := 0
	for b.Loop() {
		b.StopTimer()
		if err := os.WriteFile(path, versions[n%2], 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		r, err := f.SyncOnce(ctx)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, err := s.ImportWorkshop(ctx, parsed); err != nil {
			b.Fatal(err)
		}
		end := time.Now()
		if data, err := os.ReadFile(path); err != nil {
			b.Fatal(err)
		} else if again, err := game.ReadFile(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		} else if _, err := s.ImportWorkshop(ctx, again); err != nil {
			b.Fatal(err)
		}
		parsing += time.Since(end)
		floor += end.Sub(mid)
		sync += mid.Sub(start)
		if len(r.Merged) != 1 {
			b.Fatalf("pass %d merged %d files; want 1", n, len(r.Merged))
		}
		n++
	}
	reportAgainstFloor(b, sync, floor, n)
	b.ReportMetric(float64(parsing)/float64(time.Millisecond)/float64(n), "read+parse+import-ms/op")
	b.ReportMetric(float64(sync)/float64(parsing), "ratio-to-read+parse+import")
}

// reportAgainstFloor reports the time of the thing measured and of its
// floor, in ms per iteration, and their ratio.
func reportAgainstFloor(b *testing.B, measured, floor time.Duration, n int) {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(measured), "sync-ms/op")
	b.ReportMetric(ms(floor), "floor-ms/op")
	b.ReportMetric(float64(measured)/float64(floor), "ratio")
}

// benchFolder fills dir with the files of n workshops from benchLaptops
// laptops, and returns the workshops' ids.
func benchFolder(b *testing.B, dir string, n int) []string {
	b.Helper()
	ctx := context.Background()
	src := newStore(b)
	if err := storagetest.FillWorkshops(ctx, src, n, 7, nil); err != nil {
		b.Fatal(err)
	}
	changes, err := src.WorkshopChanges(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var devices []string
	for range benchLaptops {
		devices = append(devices, cards.NewID())
	}
	var ids []string
	for id := range changes {
		file, err := src.ExportWorkshop(ctx, id, false)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := game.WriteFile(&buf, file); err != nil {
			b.Fatal(err)
		}
		for _, dev := range devices {
			path := workshopPath(dir, id, dev)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		ids = append(ids, id)
	}
	return ids
}

// ageAll sets every file's time a minute back, as files synced a while
// ago have, so that their stats are trusted (racyWindow).
func ageAll(b *testing.B, dir string) {
	b.Helper()
	old := time.Now().Add(-time.Minute)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(path, old, old)
	})
	if err != nil {
		b.Fatal(err)
	}
}

// walkAndStat is the floor of reading the folder: every workshop folder
// listed and every file in it stat'ed.
func walkAndStat(b *testing.B, dir string) int {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, err := os.Stat(path); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}
