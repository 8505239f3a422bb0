package room

import (
	"fyne.io/fyne/v2"

	"deckhand/ui/kit"
)

// keyRows are the room window's keys. They are bound on its own window
// only: the main window keeps every key of the note-taker's.
func (v *View) keyRows() []kit.KeyRow {
	rows := KeyRows()
	runs := []func(){v.Toggle, func() { v.changeLength(1) }, func() { v.changeLength(-1) }, v.ToggleFullScreen, v.escape}
	for i := range rows {
		run := runs[i]
		rows[i].Run = func(int, rune) { run() }
	}
	return rows
}

// KeyRows are the room window's keys as the shortcuts sheet lists them,
// without what they run.
func KeyRows() []kit.KeyRow {
	return []kit.KeyRow{
		{Section: kit.SecRoom, Action: "Show the matrix or the board", Chars: "mM"},
		{Section: kit.SecRoom, Action: "A minute longer round", Chars: "+"},
		{Section: kit.SecRoom, Action: "A minute shorter round", Chars: "-"},
		{Section: kit.SecRoom, Action: "Full screen on or off", Presses: []kit.Press{{Key: fyne.KeyF11}}},
		{Section: kit.SecRoom, Action: "Leave full screen, or close the room view", Presses: []kit.Press{{Key: fyne.KeyEscape}}},
	}
}
