package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/kit"
	"deckhand/ui/room"
)

// showSheet opens the keyboard shortcuts window (F1, Help → Keyboard
// shortcuts), or brings it forward. It is a window of its own so that it can
// stay open beside the main window while the keys are learnt.
func (m *mainView) showSheet() {
	if m.sheet != nil {
		m.sheet.RequestFocus()
		return
	}
	w := m.app.NewWindow(lang.L("Keyboard shortcuts"))
	m.sheet = w
	w.SetOnClosed(func() { m.sheet = nil })
	kit.CloseOnEscape(w)
	w.SetContent(m.sheetContent())
	w.Resize(fyne.NewSize(640, 720))
	fitToScreen(w) // 720 high is more than a 1024×700 screen has
	w.Show()
}

// sheetContent lists the keys of every screen, made for it when not yet.
func (m *mainView) sheetContent() fyne.CanvasObject {
	m.makeAll()
	closeBtn := widget.NewButton(lang.L("Close"), func() {
		if m.sheet != nil {
			m.sheet.Close()
		}
	})
	return container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil,
		container.NewVScroll(keySheet(append(m.keyRows(), room.KeyRows()...))))
}

// keySheet lists the rows by section, each with its keys and what they do
// in the interface language: the same rows kit.BindKeys binds. One grid holds
// every section, so the keys line up down the whole sheet.
func keySheet(rows []kit.KeyRow) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, section := range kit.SheetSections {
		heading := widget.NewLabelWithStyle(lang.L(section), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		first := true
		for _, r := range rows {
			if r.Section != section {
				continue
			}
			if first {
				grid.Add(heading)
				grid.Add(widget.NewLabel(""))
				first = false
			}
			grid.Add(widget.NewLabelWithStyle(r.KeysText(), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
			grid.Add(widget.NewLabel(lang.L(r.Action)))
		}
	}
	return grid
}
