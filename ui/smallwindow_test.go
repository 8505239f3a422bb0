package ui

import "testing"

// Everything can be reached in a 1024×700 window, the smallest laptops'
// screens: every screen lays out in it, in Finnish and Swedish, the
// longest of the interface languages, with the workshop open on the
// board, and the tallest dialog.
func TestEveryScreenFitsA1024By700Window(t *testing.T) {
	const w, h = 1024, 700
	for _, code := range []string{"fi", "sv"} {
		t.Run(code, func(t *testing.T) {
			_, m := newMainFixture(t, code)
			for i, item := range m.tabs.Items {
				m.tabs.SelectIndex(i)
				if min := m.tabs.MinSize(); min.Width > w || min.Height > h {
					t.Errorf("the %s screen needs %.0f×%.0f; the window is %d×%d", item.Text, min.Width, min.Height, w, h)
				}
			}
			// The tallest dialog, New workshop, fits too.
			m.showTab(2)
			m.workshop.ShowNewWorkshopForm()
			top := m.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no New workshop dialog")
			}
			if min := top.MinSize(); min.Width > w || min.Height > h {
				t.Errorf("the New workshop dialog needs %.0f×%.0f; the window is %d×%d", min.Width, min.Height, w, h)
			}
		})
	}
}
