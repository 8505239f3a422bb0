package cards

import (
	"os"
	"runtime"
	"testing"
	"time"

	"deckhand/message"
)

func TestZZReviewBig(t *testing.T) {
	for _, p := range []string{"/tmp/big16.png", "/tmp/bigprog.jpg"} {
		data, err := os.ReadFile(p)
		if err != nil || len(data) == 0 {
			continue
		}
		runtime.GC()
		start := time.Now()
		out, err := PrepareImage(data, message.Word("the logo"))
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("%s: %d bytes -> %d, err %v, %v, TotalAlloc %d MB, HeapSys %d MB", p, len(data), len(out), err, time.Since(start), ms.TotalAlloc>>20, ms.HeapSys>>20)
	}
}
