package teamfolder

import (
	"testing"
	"time"
)

// fakeTimers stands for time.AfterFunc: the test fires the waits itself.
type fakeTimers struct {
	waits []*fakeWait
}

type fakeWait struct {
	d       time.Duration
	f       func()
	stopped bool
	fired   bool
}

func (ft *fakeTimers) after(d time.Duration, f func()) func() bool {
	w := &fakeWait{d: d, f: f}
	ft.waits = append(ft.waits, w)
	return func() bool { was := !w.stopped && !w.fired; w.stopped = true; return was }
}

// fireAll fires every wait not stopped, as time passing would, and
// counts them.
func (ft *fakeTimers) fireAll() int {
	n := 0
	for _, w := range ft.waits {
		if !w.stopped && !w.fired {
			w.fired = true
			n++
			w.f()
		}
	}
	return n
}

// Changes in a burst make one write, after the last of them.
func TestDebounceFiresOnceAfterTheLastPoke(t *testing.T) {
	var ft fakeTimers
	fired := 0
	d := newDebouncer(3*time.Second, ft.after, func() { fired++ })
	for range 5 {
		d.Poke()
	}
	if len(ft.waits) != 5 || ft.waits[4].d != 3*time.Second {
		t.Fatalf("%d waits begun; want 5 of 3 s", len(ft.waits))
	}
	for _, w := range ft.waits[:4] {
		if !w.stopped {
			t.Fatal("an earlier wait still runs after a later change")
		}
	}
	ft.fireAll()
	if fired != 1 || d.Pending() {
		t.Fatalf("fired %d times, pending %v; want once, nothing pending", fired, d.Pending())
	}
	// A stale timer that fires anyway (time.AfterFunc's Stop can lose the
	// race) does nothing.
	ft.waits[0].f()
	if fired != 1 {
		t.Fatalf("a stopped wait fired the write: %d", fired)
	}
}

// Take (Flush, Close) ends the wait: what was pending is done at once and
// not again when the timer would have fired.
func TestDebounceTakeEndsTheWait(t *testing.T) {
	var ft fakeTimers
	fired := 0
	d := newDebouncer(time.Second, ft.after, func() { fired++ })
	if d.Take() {
		t.Fatal("Take with nothing pending said there was")
	}
	d.Poke()
	if !d.Take() {
		t.Fatal("Take after a change said nothing was pending")
	}
	if n := ft.fireAll(); n != 0 || fired != 0 {
		t.Fatalf("the wait fired after Take: %d, %d", n, fired)
	}
}
