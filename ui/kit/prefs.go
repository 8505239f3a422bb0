package kit

// Preference keys, all in one place so that no two screens share one by
// mistake. The interface language and theme have theirs beside the code
// that reads them (PrefLanguage here, prefTheme in ui/apptheme.go).
const (
	PrefWindowWidth  = "window.width"
	PrefWindowHeight = "window.height"
	PrefLastDeck     = "decks.last"
	PrefCardLanguage = "decks.language"
	// PrefPrintLanguage is the language last chosen on the Print screen.
	PrefPrintLanguage = "print.language"
	PrefLastWorkshop  = "workshop.last"
	// PrefRoundMinutes is the round's length the room view counts down.
	PrefRoundMinutes = "room.roundMinutes"
)
