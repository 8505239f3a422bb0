package cli

import "deckhand/game"

// separatorFlag reads results' --separator: ",", ";" or "tab" (a tab
// character too, as a shell's $'\t' gives it), or 0 when it is not given.
func separatorFlag(value string) (game.CSVSeparator, error) {
	switch value {
	case "":
		return 0, nil
	case ",":
		return game.Comma, nil
	case ";":
		return game.Semicolon, nil
	case "tab", "\t":
		return game.Tab, nil
	}
	return 0, usagef("--separator must be \",\", \";\" or tab, not %q", value)
}

// separatorOr is the separator given, else the one language's
// spreadsheets open a CSV file with (game.CSVSeparatorFor).
func separatorOr(given game.CSVSeparator, language string) game.CSVSeparator {
	if given != 0 {
		return given
	}
	return game.CSVSeparatorFor(language)
}
