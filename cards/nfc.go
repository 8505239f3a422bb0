package cards

import "golang.org/x/text/unicode/norm"

// NFC returns s in Unicode normal form C, so that "a" + combining diaeresis
// is the one letter "ä" that fonts, sorting and search expect.
func NFC(s string) string { return norm.NFC.String(s) }
