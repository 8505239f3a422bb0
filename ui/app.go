// Package ui is Deckhand's desktop app, built with Fyne: one file per screen,
// custom widgets in ui/widgets. Screens are made by functions that take what
// they need (a store, a window), so tests drive them with fyne.io/fyne/v2/test
// and check what reached the database. Long work runs off the UI goroutine and
// comes back with fyne.Do.
package ui

import (
	"deckhand/storage"
)

// AppID identifies Deckhand to the desktop (preferences, window grouping).
const AppID = "app.deckhand.desktop"

// Opener opens a database the way the app does: creating it with the
// default deck the first time.
type Opener func(path string) (*storage.Store, error)
