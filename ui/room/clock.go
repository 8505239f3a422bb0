package room

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"deckhand/ui/kit"
)

// countdown is the round: its length, and the Workshop screen's round
// clock as it last stood (the time on it when it last paused or started,
// and since when it runs; zero while paused).
type countdown struct {
	length  time.Duration
	elapsed time.Duration
	started time.Time
}

// remaining is the round's time left at now; below zero once it is up.
func (c countdown) remaining(now time.Time) time.Duration {
	run := c.elapsed
	if !c.started.IsZero() {
		run += now.Sub(c.started)
	}
	return c.length - run
}

// clockText is the time left in minutes and seconds, counted up to the
// whole second, so that 00:00 shows only once the time is up.
func clockText(left time.Duration) string {
	if left <= 0 {
		return "00:00"
	}
	s := int((left + time.Second - 1) / time.Second)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// clockFace is the countdown as the room reads it: large figures on a band
// that flashes red once the time is up.
type clockFace struct {
	Text *canvas.Text
	band *canvas.Rectangle
	root *fyne.Container
	// Alarm is whether the time is up; Flash whether the band is red now.
	Alarm, Flash bool
}

func newClockFace() *clockFace {
	c := &clockFace{Text: canvas.NewText("00:00", theme.Color(theme.ColorNameForeground)), band: canvas.NewRectangle(color.Transparent)}
	c.Text.TextStyle = fyne.TextStyle{Monospace: true}
	c.band.CornerRadius = 8
	c.root = container.NewStack(c.band, container.NewPadded(c.Text))
	return c
}

// SetClock follows the Workshop screen's round clock: the time on it when
// it last paused or started, and since when it runs (zero while paused).
func (v *View) SetClock(elapsed time.Duration, started time.Time) {
	v.clock.elapsed, v.clock.started = elapsed, started
	v.showClock()
}

// ClockText is the countdown as shown.
func (v *View) ClockText() string { return v.face.Text.Text }

// Alarm reports whether the countdown shows that the round's time is up.
func (v *View) Alarm() bool { return v.face.Alarm }

// Minutes is the round's length.
func (v *View) Minutes() int { return int(v.clock.length / time.Minute) }

// changeLength makes the round by minutes longer (or shorter), from 1 to
// 99 minutes, and remembers it.
func (v *View) changeLength(minutes int) {
	m := min(99, max(1, v.Minutes()+minutes))
	v.clock.length = time.Duration(m) * time.Minute
	v.app.Preferences().SetInt(kit.PrefRoundMinutes, m)
	v.showClock()
}

// showClock shows the time left at Now; once it is up the figures turn red
// and the band behind them flashes twice a second.
func (v *View) showClock() {
	c, now := v.face, v.Now()
	left := v.clock.remaining(now)
	c.Alarm = left <= 0
	c.Flash = c.Alarm && now.UnixMilli()/500%2 == 0
	text, size := clockText(left), v.scale*theme.TextSize()*3.4
	fg := theme.Color(theme.ColorNameForeground)
	band := color.Color(color.Transparent)
	switch {
	case c.Flash:
		fg, band = color.White, theme.Color(theme.ColorNameError)
	case c.Alarm:
		fg = theme.Color(theme.ColorNameError)
	}
	if c.Text.Text != text || c.Text.Color != fg || c.Text.TextSize != size {
		c.Text.Text, c.Text.Color, c.Text.TextSize = text, fg, size
		c.Text.Refresh()
	}
	if c.band.FillColor != band {
		c.band.FillColor = band
		c.band.Refresh()
	}
	length := fmt.Sprintf(lang.L("Round: %d min"), v.Minutes())
	if v.length.Text != length {
		v.length.SetText(length)
	}
}

// ClockHeight is how high the countdown's figures are drawn.
func (v *View) ClockHeight() float32 { return v.face.Text.MinSize().Height }
