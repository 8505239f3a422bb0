package ui

import (
	"deckhand/game"
	"deckhand/ui/room"
)

// The room view (ui/room) is a window of its own for the projector. The
// main window opens it (View → Room view, F11), feeds it what the Workshop
// screen shows and how its round clock stands, through the screen's hooks
// (workshop.Screen.OnShown, the clock's OnChange), and closes it with
// itself.

// showRoom opens the room view, full screen, or puts it back in full
// screen when it is open; the main window keeps the focus.
func (m *mainView) showRoom() {
	if m.room != nil {
		m.room.Win.SetFullScreen(true)
		m.win.RequestFocus()
		return
	}
	m.makeAll() // the room view follows the Workshop screen
	m.room = room.New(m.app, m.win, m.roomToUI)
	v := m.room
	v.OnClosed = func() {
		if m.room == v {
			m.room = nil
		}
	}
	m.feedRoom()
}

// feedRoom shows on the room view what the Workshop screen shows now.
func (m *mainView) feedRoom() {
	if m.room == nil {
		return
	}
	m.workshop.TellShown()
	m.clockToRoom()
}

// roomShown is the Workshop screen's OnShown: the board was shown again.
func (m *mainView) roomShown(f *game.File, teamID, blindPlay string) {
	if m.room != nil {
		m.room.Show(f, teamID, blindPlay)
	}
}

// clockToRoom passes the round clock's state to the room view.
func (m *mainView) clockToRoom() {
	if m.room != nil {
		m.room.SetClock(m.workshop.Timer.State())
	}
}

// closeRoom closes the room view, if open.
func (m *mainView) closeRoom() {
	if m.room != nil {
		m.room.Close()
	}
}
