package teamfolder

import "path/filepath"

// The folder's layout: one folder per workshop holding one file per laptop
// that has the workshop, and one file per laptop saying who it is.
const (
	workshopsDir = "workshops"
	devicesDir   = "devices"
)

// workshopPath is the file the laptop device writes for a workshop.
func workshopPath(root, workshopID, device string) string {
	return filepath.Join(root, workshopsDir, workshopID, device+".json")
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
