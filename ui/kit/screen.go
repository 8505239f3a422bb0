package kit

import "fyne.io/fyne/v2"

// Screen is what the main window needs of one of its screens. The window
// holds a list of them and derives from it the tabs, the Ctrl+digit keys
// that show each, the key table and the menus; a screen embeds Base for
// what it has no use for.
type Screen interface {
	// Content is what its tab shows.
	Content() fyne.CanvasObject
	// KeyRows are the keys it answers. A row marked Everywhere acts from
	// every screen (show brings this one to the front first); the others
	// act only while it is in front. The main window's own keys (Ctrl+1…9
	// for the screens, Ctrl+P, Ctrl+comma, Ctrl+Q, F1) come first and are
	// not for a screen to take (TestScreensTakeNoKeyOfTheWindow).
	KeyRows(show func()) []KeyRow
	// Menu is the main menu it adds, between File and Help; nil for none.
	// item gives the item of one of its key rows (by the row's Menu slot),
	// with the row's action, key and handler.
	Menu(item func(MenuSlot) *fyne.MenuItem) *fyne.Menu
	// Leave runs then once what it holds is saved, or the person chose to
	// discard it; cancelled (which may be nil) when they keep at it.
	Leave(then, cancelled func())
	// CarryOver takes over what the person was at on old, the same screen
	// before the window was built again (in another language).
	CarryOver(old Screen)
	// Stop ends what it runs in the background: its store is closing.
	Stop()
}

// Base is a screen's part that has no keys, no menu, nothing to save,
// carry over or stop.
type Base struct{}

// KeyRows are none.
func (Base) KeyRows(func()) []KeyRow { return nil }

// Menu is none.
func (Base) Menu(func(MenuSlot) *fyne.MenuItem) *fyne.Menu { return nil }

// Leave has nothing to save.
func (Base) Leave(then, _ func()) { then() }

// CarryOver has nothing to take over.
func (Base) CarryOver(Screen) {}

// Stop has nothing to stop.
func (Base) Stop() {}
