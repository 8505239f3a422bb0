package room

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// newTestView opens a room view whose clock reads now and whose ticks are
// dropped: the test shows the clock itself.
func newTestView(t *testing.T, now *time.Time) *View {
	t.Helper()
	a := test.NewTempApp(t)
	v := New(a, nil, func(func()) {})
	t.Cleanup(v.Close)
	v.Now = func() time.Time { return *now }
	return v
}

// The countdown starts from the round's length (10 minutes at first)
// when the Workshop screen's clock starts, holds while it is paused, goes
// on when it runs again, and at zero shows 00:00 in red on a band that
// flashes twice a second; a reset starts the round again.
func TestTheCountdownFollowsTheRoundClockAndAlarmsAtZero(t *testing.T) {
	start := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	now := start
	v := newTestView(t, &now)
	if v.Minutes() != 10 || v.ClockText() != "10:00" || v.Alarm() {
		t.Fatalf("before the round: %d min, %q, alarm %v; want 10, 10:00, no alarm", v.Minutes(), v.ClockText(), v.Alarm())
	}
	v.SetClock(0, start)
	now = start.Add(3*time.Minute + 20*time.Second)
	v.showClock()
	if v.ClockText() != "06:40" {
		t.Errorf("3:20 into the round the room reads %q, want 06:40", v.ClockText())
	}
	v.SetClock(3*time.Minute+20*time.Second, time.Time{}) // paused
	now = now.Add(time.Hour)
	v.showClock()
	if v.ClockText() != "06:40" || v.Alarm() {
		t.Errorf("an hour after the pause the room reads %q (alarm %v), want 06:40", v.ClockText(), v.Alarm())
	}
	v.SetClock(3*time.Minute+20*time.Second, now) // runs again
	now = now.Add(6*time.Minute + 39*time.Second + 500*time.Millisecond)
	v.showClock()
	if v.ClockText() != "00:01" || v.Alarm() {
		t.Errorf("half a second before the end the room reads %q (alarm %v), want 00:01 and no alarm", v.ClockText(), v.Alarm())
	}
	if v.face.Text.Color != theme.Color(theme.ColorNameForeground) {
		t.Errorf("before the end the figures are %v, not the text colour", v.face.Text.Color)
	}
	now = now.Add(500 * time.Millisecond)
	v.showClock()
	if v.ClockText() != "00:00" || !v.Alarm() {
		t.Fatalf("at the end the room reads %q (alarm %v), want 00:00 and the alarm", v.ClockText(), v.Alarm())
	}
	red := theme.Color(theme.ColorNameError)
	flashes := map[bool]int{}
	for range 4 {
		v.showClock()
		if v.face.Flash {
			if v.face.band.FillColor != red || v.face.Text.Color != color.White {
				t.Errorf("flashing: band %v, figures %v; want a red band with white figures", v.face.band.FillColor, v.face.Text.Color)
			}
		} else if v.face.Text.Color != red || v.face.band.FillColor != color.Transparent {
			t.Errorf("between flashes: figures %v, band %v; want red figures on nothing", v.face.Text.Color, v.face.band.FillColor)
		}
		flashes[v.face.Flash]++
		now = now.Add(500 * time.Millisecond)
	}
	if flashes[true] != 2 || flashes[false] != 2 {
		t.Errorf("over two seconds the band flashed %d times and rested %d; want 2 and 2", flashes[true], flashes[false])
	}
	now = now.Add(time.Minute)
	v.showClock()
	if v.ClockText() != "00:00" || !v.Alarm() {
		t.Errorf("a minute after the end the room reads %q (alarm %v)", v.ClockText(), v.Alarm())
	}
	v.SetClock(0, now) // reset while running
	if v.ClockText() != "10:00" || v.Alarm() || v.face.band.FillColor != color.Transparent {
		t.Errorf("after a reset the room reads %q (alarm %v, band %v), want 10:00 without the alarm", v.ClockText(), v.Alarm(), v.face.band.FillColor)
	}
}

// The round's length is set in the room window, by its keys and buttons,
// and kept for the next time.
func TestTheRoundLengthIsSetInTheRoomWindow(t *testing.T) {
	now := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	v := newTestView(t, &now)
	c := v.Win.Canvas()
	for _, r := range "+++-" {
		c.OnTypedRune()(r)
	}
	if v.Minutes() != 12 || v.ClockText() != "12:00" || v.length.Text != "Round: 12 min" {
		t.Errorf("after +, +, + and -: %d min, %q, %q; want 12 minutes", v.Minutes(), v.ClockText(), v.length.Text)
	}
	for range 20 {
		c.OnTypedRune()('-')
	}
	if v.Minutes() != 1 {
		t.Errorf("the round can be made %d minutes long; want at least 1", v.Minutes())
	}
	v.changeLength(7)
	if got := v.app.Preferences().Int("room.roundMinutes"); got != 8 {
		t.Errorf("the length kept is %d, want 8", got)
	}
	again := New(v.app, nil, func(func()) {})
	defer again.Close()
	if again.Minutes() != 8 {
		t.Errorf("a room view opened again counts %d minutes, want 8", again.Minutes())
	}
}

// The room window opens full screen; M switches between the board and the
// matrix, Esc leaves full screen and then closes the window, and F11 goes
// in and out of full screen.
func TestTheRoomWindowsKeys(t *testing.T) {
	now := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	v := newTestView(t, &now)
	closed := false
	v.OnClosed = func() { closed = true }
	c := v.Win.Canvas()
	if !v.Win.FullScreen() {
		t.Error("the room view did not open full screen")
	}
	if v.MatrixShown() || v.Switch.Text != "Show the matrix" {
		t.Errorf("the room view opens on the matrix (%v) or its button reads %q", v.MatrixShown(), v.Switch.Text)
	}
	c.OnTypedRune()('m')
	if !v.MatrixShown() || v.body.Objects[0] != v.matrix || v.Switch.Text != "Show the board" {
		t.Errorf("M left the board shown (matrix %v, button %q)", v.MatrixShown(), v.Switch.Text)
	}
	test.Tap(v.Switch)
	if v.MatrixShown() || v.body.Objects[0] != v.board {
		t.Error("the button left the matrix shown")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.Win.FullScreen() || closed {
		t.Errorf("Esc in full screen: full screen %v, closed %v; want out of full screen, open", v.Win.FullScreen(), closed)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF11})
	if !v.Win.FullScreen() {
		t.Error("F11 did not go back to full screen")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF11})
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Esc out of full screen did not close the room view")
	}
}
