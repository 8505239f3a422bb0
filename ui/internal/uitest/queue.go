package uitest

import (
	"testing"
	"time"
)

// UIQueue stands for fyne.Do in a test: what a screen hands back to the
// UI goroutine waits here until the test runs it, on the test's goroutine,
// which so is the UI goroutine, as in the app.
type UIQueue chan func()

// NewUIQueue makes a queue with nothing in it.
func NewUIQueue() UIQueue { return make(UIQueue) }

// Do hands fn over, as fyne.Do does.
func (q UIQueue) Do(fn func()) { q <- fn }

// Next runs the next piece of work handed back, after the disk work
// before it is done.
func (q UIQueue) Next(t testing.TB, what string) {
	t.Helper()
	select {
	case fn := <-q:
		fn()
	case <-time.After(10 * time.Second):
		t.Fatalf("nothing came back to the UI goroutine: %s", what)
	}
}

// Idle fails when more work comes back to the UI goroutine within a
// moment: a request made twice that ran twice.
func (q UIQueue) Idle(t testing.TB, what string) {
	t.Helper()
	select {
	case fn := <-q:
		fn()
		t.Errorf("more came back to the UI goroutine: %s", what)
	case <-time.After(200 * time.Millisecond):
	}
}
