package teamfolder

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage/storagetest"
)

// TestScaleFigures measures how the team folder grows with the laptops
// and workshops in it, for docs/team-folder.md ("Figures"): a folder of
// devices × workshops files (every laptop holds every workshop, as a team
// that shares a folder ends up), the first join of a new laptop, a rescan
// with nothing new, and the delay from one laptop's write of a changed
// workshop to its merge on a laptop running the folder (fsnotify, no
// sync engine between them). It is a measurement, not a check, and takes
// a minute or two: DECKHAND_TEAMFOLDER_SCALE=1 go test -tags
// migrated_fynedo ./teamfolder/ -run ScaleFigures -v.
func TestScaleFigures(t *testing.T) {
	if os.Getenv("DECKHAND_TEAMFOLDER_SCALE") == "" {
		t.Skip("a measurement: set DECKHAND_TEAMFOLDER_SCALE=1 to run it")
	}
	for _, c := range []struct{ devices, workshops int }{{3, 50}, {10, 50}, {3, 500}, {10, 500}} {
		t.Run(fmt.Sprintf("%d laptops × %d workshops", c.devices, c.workshops), func(t *testing.T) {
			measureScale(t, c.devices, c.workshops)
		})
	}
}

func measureScale(t *testing.T, devices, workshops int) {
	ctx := context.Background()
	dir := t.TempDir()
	src := newStore(t)
	if err := storagetest.FillWorkshops(ctx, src, workshops, 7, nil); err != nil {
		t.Fatal(err)
	}
	fs := openFolder(t, src, dir, nil)
	if r := syncOnce(t, fs); len(r.Written) != workshops {
		t.Fatalf("the first laptop wrote %d files; want %d", len(r.Written), workshops)
	}
	// The other laptops' files: the same workshops under their own names.
	// Each is merged in full (the same bytes are not passed over, as two
	// laptops' files of one workshop differ at least in when they were
	// written), so the cost is that of as many real files.
	own, _ := filepath.Glob(filepath.Join(dir, workshopsDir, "*", fs.Device()+".json"))
	for range devices - 2 {
		device := cards.NewID()
		for _, p := range own {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(filepath.Dir(p), device+".json"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, workshopsDir, "*", "*.json"))
	var size int64
	for _, p := range files {
		if info, err := os.Stat(p); err == nil {
			size += info.Size()
		}
	}

	joiner := newStore(t)
	merged := make(chan time.Time, 16)
	var want atomic.Value // the workshop whose merge is awaited
	want.Store("")
	fj, err := Open(Options{Store: joiner, Dir: dir, Name: "joiner", App: "test",
		OnChange: func(r Report) {
			for _, e := range r.Merged {
				if e.Workshop == want.Load().(string) && e.Changed() {
					merged <- e.At
				}
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fj.Close() })
	start := time.Now()
	r := syncOnce(t, fj)
	join := time.Since(start)
	if len(r.Merged) != len(files) {
		t.Fatalf("the first join merged %d files; want %d", len(r.Merged), len(files))
	}
	// Past racyWindow, so that a rescan trusts the files' stat.
	time.Sleep(racyWindow)
	syncOnce(t, fj) // writes the joiner's own files of what it took
	start = time.Now()
	r = syncOnce(t, fj)
	rescan := time.Since(start)

	fj.Start(ctx)
	var delays []time.Duration
	for i := range 5 {
		id, err := storagetest.FillWorkshop(ctx, src, uint64(1000+i), 2, 3)
		if err != nil {
			t.Fatal(err)
		}
		want.Store(id)
		wr := syncOnce(t, fs)
		if len(wr.Written) == 0 {
			t.Fatal("the changed workshop was not written")
		}
		select {
		case at := <-merged:
			delays = append(delays, at.Sub(wr.Written[len(wr.Written)-1].At))
		case <-time.After(40 * time.Second):
			t.Fatal("the change was not merged within 40 s")
		}
	}
	slices.Sort(delays)
	t.Logf("%d laptops × %d workshops: %d files, %.1f MB; first join %.1f s (%.1f ms a file); rescan with nothing new %.0f ms (%d unchanged); write to merge %v–%v, median %v",
		devices, workshops, len(files), float64(size)/1e6, join.Seconds(), float64(join.Milliseconds())/float64(len(files)),
		float64(rescan.Microseconds())/1000, r.Unchanged, delays[0].Round(time.Millisecond), delays[len(delays)-1].Round(time.Millisecond), delays[len(delays)/2].Round(time.Millisecond))
}
