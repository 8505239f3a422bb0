package teamfolder

import (
	"sync"
	"time"
)

// afterFunc starts a timer that calls f after d, and returns its stop
// (time.AfterFunc's Stop); tests give one they fire themselves.
type afterFunc func(d time.Duration, f func()) (stop func() bool)

func realAfter(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// debouncer calls fire once, delay after the last Poke: a burst of
// changes (typing a note) becomes one write.
type debouncer struct {
	mu      sync.Mutex
	delay   time.Duration
	after   afterFunc
	fire    func()
	stop    func() bool
	pending bool
	gen     int // counts the waits begun, so a stale timer knows it is one
}

func newDebouncer(delay time.Duration, after afterFunc, fire func()) *debouncer {
	if after == nil {
		after = realAfter
	}
	return &debouncer{delay: delay, after: after, fire: fire}
}

// Poke (re)starts the wait.
func (d *debouncer) Poke() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stop != nil {
		d.stop()
	}
	d.pending = true
	d.gen++
	gen := d.gen
	d.stop = d.after(d.delay, func() {
		d.mu.Lock()
		if !d.pending || gen != d.gen {
			d.mu.Unlock()
			return // stopped, or a later Poke started another wait
		}
		d.pending, d.stop = false, nil
		d.mu.Unlock()
		d.fire()
	})
}

// Take stops the wait and says whether one was pending: the caller does
// now what fire would have done.
func (d *debouncer) Take() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stop != nil {
		d.stop()
	}
	was := d.pending
	d.pending, d.stop = false, nil
	d.gen++
	return was
}

// Pending says whether a wait is running.
func (d *debouncer) Pending() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.pending
}
