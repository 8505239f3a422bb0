package workshop

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// roundTimer is the facilitator's clock for a round of the game: it counts
// up from zero and can be paused and reset.
type roundTimer struct {
	label   *widget.Label
	Toggle  *widget.Button
	elapsed time.Duration
	Started time.Time     // zero while paused
	stop    chan struct{} // closes the ticking goroutine while running
	now     func() time.Time
	// OnChange, when set, is told on the UI goroutine each time the clock
	// is started, paused, reset or taken over (State says how it stands).
	OnChange func()
}

// State is the time on the clock when it last paused or started, and when
// it started running; started is zero while it is paused.
func (t *roundTimer) State() (elapsed time.Duration, started time.Time) {
	return t.elapsed, t.Started
}

// changed tells OnChange.
func (t *roundTimer) changed() {
	if t.OnChange != nil {
		t.OnChange()
	}
}

func newRoundTimer() *roundTimer {
	t := &roundTimer{label: widget.NewLabelWithStyle("00:00", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}), now: time.Now}
	t.Toggle = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), t.StartStop)
	return t
}

func (t *roundTimer) content() fyne.CanvasObject {
	reset := widget.NewButtonWithIcon("", theme.MediaReplayIcon(), t.reset)
	return container.NewHBox(widget.NewIcon(theme.HistoryIcon()), t.label, t.Toggle, reset)
}

// running is the time on the clock now.
func (t *roundTimer) running() time.Duration {
	if t.Started.IsZero() {
		return t.elapsed
	}
	return t.elapsed + t.now().Sub(t.Started)
}

func (t *roundTimer) show() {
	d := t.running().Round(time.Second)
	t.label.SetText(fmt.Sprintf("%02d:%02d", int(d.Minutes()), int(d.Seconds())%60))
}

func (t *roundTimer) StartStop() {
	if t.Started.IsZero() {
		t.Started = t.now()
		t.Toggle.SetIcon(theme.MediaPauseIcon())
		t.stop = make(chan struct{})
		go tick(t.stop, t.show)
		t.changed()
		return
	}
	t.elapsed = t.running()
	t.Started = time.Time{}
	t.Toggle.SetIcon(theme.MediaPlayIcon())
	close(t.stop)
	t.show()
	t.changed()
}

// tick shows the clock every second until stop closes.
func tick(stop chan struct{}, show func()) {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ticker.C:
			fyne.Do(show)
		}
	}
}

func (t *roundTimer) reset() {
	t.elapsed = 0
	if !t.Started.IsZero() {
		t.Started = t.now()
	}
	t.show()
	t.changed()
}

// takeOver goes on with another clock's time, running if it was, and stops
// that clock's ticking.
func (t *roundTimer) takeOver(old *roundTimer) {
	running := !old.Started.IsZero()
	if running {
		close(old.stop)
	}
	t.elapsed, t.Started = old.elapsed, old.Started
	old.Started = time.Time{}
	if running {
		t.Toggle.SetIcon(theme.MediaPauseIcon())
		t.stop = make(chan struct{})
		go tick(t.stop, t.show)
	}
	t.show()
	t.changed()
}

// pause stops the clock if it runs, so its goroutine ends when the screen
// it belongs to is replaced.
func (t *roundTimer) pause() {
	if !t.Started.IsZero() {
		t.StartStop()
	}
}
