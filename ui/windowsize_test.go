package ui

import "testing"

// The window a first start opens fits a 1366×768 laptop screen once the
// taskbar and the title bar have their share, so the code box at the
// bottom of the Workshop screen is on screen; and every screen can be
// laid out in it, in Finnish, the longest of the three languages.
func TestFirstWindowFitsALaptopScreen(t *testing.T) {
	const screenW, screenH, taskbarAndTitle = 1366, 768, 80
	if defaultWindowWidth > screenW || defaultWindowHeight > screenH-taskbarAndTitle {
		t.Fatalf("the first window is %d×%d; a 1366×768 screen has %d×%d for it",
			defaultWindowWidth, defaultWindowHeight, screenW, screenH-taskbarAndTitle)
	}
	_, m := newMainFixture(t, "fi")
	for i, item := range m.tabs.Items {
		m.tabs.SelectIndex(i)
		if min := m.tabs.MinSize(); min.Width > defaultWindowWidth || min.Height > defaultWindowHeight {
			t.Errorf("the %s screen needs %.0f×%.0f; the first window is %d×%d", item.Text, min.Width, min.Height,
				defaultWindowWidth, defaultWindowHeight)
		}
	}
}
