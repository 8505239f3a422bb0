// Package kit is what every screen of the desktop app is built with: the
// key table (KeyRow, BindKeys) that the bindings, the menus and the
// shortcuts sheet all read, fields and choices that pass the window's keys
// on, the dialogs that answer Enter and Esc alike, the save and file
// dialogs, the progress indicator for work done off the UI goroutine, and
// the interface language with the sentences the core packages' messages
// become in it. It knows no screen: the screens (ui/decks, ui/print,
// ui/workshop, ui/results) and the main window (ui) import it.
package kit
