package cards

import "unicode/utf8"

// MaxIDLen is the longest id a file may give a record, in characters.
// Deckhand's own ids are UUIDs of 36; a file written by hand may use other
// text, but an id of a megabyte is a broken file, and it would be stored,
// indexed and shown in every message about its record.
const MaxIDLen = 100

// BreaksLine reports what no one-line name or title may hold: a line
// break, a NUL or another control character, or bytes that are not UTF-8.
// Such a name would print on two lines, or not at all, and could not be
// typed again to find it.
func BreaksLine(s string) bool { return hasControl(s, false) }

// BidiControl returns the first character of s that overrides or isolates
// the direction of text (U+202A–U+202E, U+2066–U+2069). In a name or title
// such a character makes what is shown differ from what is stored ("1 droB"
// reads as "Bord 1"), and no language a deck is written in needs one.
func BidiControl(s string) (rune, bool) {
	for _, r := range s {
		if (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return r, true
		}
	}
	return 0, false
}

// TooLongID reports an id longer than MaxIDLen.
func TooLongID(id string) bool { return len(id) > MaxIDLen && utf8.RuneCountInString(id) > MaxIDLen }
