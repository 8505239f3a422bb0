package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// A remembered size larger than the screen is cut to it, with room for the
// title bar; a size that fits is kept.
func TestARememberedSizeIsClampedToTheScreen(t *testing.T) {
	for _, c := range []struct {
		size, work, want fyne.Size
	}{
		{fyne.NewSize(1900, 1150), fyne.NewSize(1366, 728), fyne.NewSize(1366, 688)},
		{fyne.NewSize(1280, 680), fyne.NewSize(1366, 728), fyne.NewSize(1280, 680)},
		{fyne.NewSize(1000, 900), fyne.NewSize(1024, 700), fyne.NewSize(1000, 660)},
	} {
		if got := clampToArea(c.size, c.work); got != c.want {
			t.Errorf("clampToArea(%v, %v) = %v, want %v", c.size, c.work, got, c.want)
		}
	}
}
