package cli

import (
	"context"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// BenchmarkResultsAll is "deckhand results --all" on an open database,
// written to a discarded standard output, in both formats: on 50
// workshops made here, and on the database DECKHAND_BIGDB names when it is
// set (scripts/bigdb makes one of 2,000; see docs/performance.md). In the
// same loop, as the floor, one plain SQL query reads every live rating of
// those workshops (storagetest.ReadLiveRatings). It reports both in ms, the
// ratio, and the most heap the command held at once (peak-MB) beside what
// it allocated in all (alloc-MB/op). Opening the database, which checks the
// whole file, is left out: it is measured in "Opening the database".
func BenchmarkResultsAll(b *testing.B) {
	sizes := []struct{ name, path string }{{"50-workshops", smallResultsDB(b, 50)}}
	if big := os.Getenv("DECKHAND_BIGDB"); big != "" {
		sizes = append(sizes, struct{ name, path string }{"bigdb", big})
	}
	for _, size := range sizes {
		for _, format := range []string{"csv", "json"} {
			b.Run(size.name+"/"+format, func(b *testing.B) { benchResultsAll(b, size.path, format) })
		}
	}
}

// smallResultsDB makes a database of n generated workshops, once per
// benchmark.
func smallResultsDB(b *testing.B, n int) string {
	return storagetest.FilledDatabase(b, func(s *storage.Store) error {
		return storagetest.FillWorkshops(context.Background(), s, n, 1, nil)
	})
}

func benchResultsAll(b *testing.B, path, format string) {
	ctx := context.Background()
	s, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	e := &env{ctx: ctx, stdout: io.Discard, stderr: io.Discard, store: s}
	var command, floor time.Duration
	var peak, allocated uint64
	n := 0
	for b.Loop() {
		start := time.Now()
		p, a := measureHeap(func() {
			if err := runResults(e, []string{"--all", "--format", format}); err != nil {
				b.Fatal(err)
			}
		})
		mid := time.Now()
		if _, err := storagetest.ReadLiveRatings(ctx, path); err != nil {
			b.Fatal(err)
		}
		command += mid.Sub(start)
		floor += time.Since(mid)
		peak, allocated = max(peak, p), allocated+a
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(command), "results-ms/op")
	b.ReportMetric(ms(floor), "query-ms/op")
	b.ReportMetric(float64(command)/float64(floor), "ratio")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(allocated)/float64(n)/(1<<20), "alloc-MB/op")
}

// measureHeap runs fn and returns the most bytes of live heap objects seen
// while it ran (sampled every millisecond, after a collection before it
// starts) and the bytes it allocated.
func measureHeap(fn func()) (peak, allocated uint64) {
	runtime.GC()
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(samples)
	before := samples[1].Value.Uint64()
	peak = samples[0].Value.Uint64()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(s)
				peak = max(peak, s[0].Value.Uint64())
			}
		}
	})
	fn()
	close(done)
	wg.Wait()
	metrics.Read(samples)
	return max(peak, samples[0].Value.Uint64()), samples[1].Value.Uint64() - before
}
