package teamfolder

import "path/filepath"

// The folder's layout: one folder per workshop and one per published deck,
// each holding one file per laptop that has it, and one file per laptop
// saying who it is.
const (
	workshopsDir = "workshops"
	decksDir     = "decks"
	devicesDir   = "devices"
)

// itemDirs are the folders whose folders hold the laptops' files of one
// workshop or deck each.
var itemDirs = []string{workshopsDir, decksDir}

// workshopPath is the file the laptop device writes for a workshop.
func workshopPath(root, workshopID, device string) string {
	return filepath.Join(root, workshopsDir, workshopID, device+".json")
}

// deckPath is the file the laptop device writes for a published deck: its
// shared deck file (cards.WriteShared).
func deckPath(root, deckID, device string) string {
	return filepath.Join(root, decksDir, deckID, device+".json")
}

// devicePath is the laptop device's own description.
func devicePath(root, device string) string {
	return filepath.Join(root, devicesDir, device+".json")
}

// relative is a path inside the folder as the index and the reports name
// it: with forward slashes on every system, so an index reads the same.
func relative(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}
