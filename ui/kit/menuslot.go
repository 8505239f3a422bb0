package kit

// MenuSlot names an item of the main menu that a key row does too, so
// that the menu takes the row's action, key and handler from the row, the
// same as the bindings and the shortcuts sheet.
type MenuSlot int

const (
	NoMenu MenuSlot = iota
	MenuNewDeck
	MenuImportDeck
	MenuExportDeck
	MenuSettings
	MenuQuit
	MenuNewCard
	MenuShortcuts
	MenuRoomView
	MenuSlots // how many there are, plus one
)
