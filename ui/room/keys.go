package room

import (
	"fyne.io/fyne/v2"

	"deckhand/ui/kit"
)

// keyRows are the room window's keys. They are bound on its own window
// only: the main window keeps every key of the note-taker's, and has one
// of its own for the room's matrix or board (ui/appmenu.go).
func (v *View) keyRows() []kit.KeyRow { return keyRowsOf(v) }

// KeyRows are the room window's keys as the shortcuts sheet lists them,
// without what they run.
func KeyRows() []kit.KeyRow { return keyRowsOf(nil) }

// keyRowsOf are the room window's keys, running on v (none for nil).
func keyRowsOf(v *View) []kit.KeyRow {
	on := func(fn func(v *View)) func(int, rune) {
		if v == nil {
			return nil
		}
		return func(int, rune) { fn(v) }
	}
	return []kit.KeyRow{
		{Section: kit.SecRoom, Action: "Show the matrix or the board", Chars: "mM", Run: on((*View).Toggle)},
		{Section: kit.SecRoom, Action: "A minute longer round", Chars: "+", Run: on(func(v *View) { v.changeLength(1) })},
		{Section: kit.SecRoom, Action: "A minute shorter round", Chars: "-", Run: on(func(v *View) { v.changeLength(-1) })},
		{Section: kit.SecRoom, Action: "Full screen on or off", Presses: []kit.Press{{Key: fyne.KeyF11}}, Run: on((*View).ToggleFullScreen)},
		{Section: kit.SecRoom, Action: "Leave full screen, or close the room view", Presses: []kit.Press{{Key: fyne.KeyEscape}}, Run: on((*View).escape)},
	}
}
