package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// The room view drawn at a projector's sizes, the board, the matrix and
// the alarm, as PNG files: in DECKHAND_ROOM_SHOTS when set (to look at
// them), else in the test's own folder. Its texts grow with the window.
func TestTheRoomViewIsDrawnLargeOnAProjector(t *testing.T) {
	dir := os.Getenv("DECKHAND_ROOM_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	_, m := newMainFixture(t, "en")
	m.showTab(2)
	v := openRoom(t, m)
	ws := m.workshop
	// The example's busiest table, on the board.
	busiest, most := "", -1
	for _, team := range ws.Session.Teams {
		n := 0
		for _, p := range ws.Session.Plays {
			if p.TeamID == team.ID {
				n++
			}
		}
		if n > most {
			busiest, most = team.Name, n
		}
	}
	ws.TeamSel.SetSelected(busiest)
	now := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	v.Now = func() time.Time { return now }
	heights := map[float32]float32{}
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1366, Height: 768}} {
		v.Win.Resize(size)
		name := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		v.SetClock(3*time.Minute+15*time.Second, time.Time{})
		if v.MatrixShown() {
			v.Toggle()
		}
		capture(t, v.Win, size, filepath.Join(dir, "room-board-"+name+".png"))
		heights[size.Width] = v.ClockHeight()
		v.Toggle()
		capture(t, v.Win, size, filepath.Join(dir, "room-matrix-"+name+".png"))
		v.SetClock(0, now.Add(-10*time.Minute)) // the round is up, flashing
		if !v.Alarm() {
			t.Fatal("ten minutes into a round of ten the room view shows no alarm")
		}
		capture(t, v.Win, size, filepath.Join(dir, "room-alarm-"+name+".png"))
	}
	if heights[1366] < 60 || heights[1920] <= heights[1366] {
		t.Errorf("the countdown is %.0f px high at 1366×768 and %.0f at 1920×1080; want it large and larger", heights[1366], heights[1920])
	}
}

// capture writes what the window shows to a PNG file of its size.
func capture(t *testing.T, w fyne.Window, size fyne.Size, path string) {
	t.Helper()
	img := w.Canvas().Capture()
	if got := img.Bounds().Size(); got != (image.Point{X: int(size.Width), Y: int(size.Height)}) {
		t.Errorf("%s is %v, want %v", filepath.Base(path), got, size)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
