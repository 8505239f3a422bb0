package teamfolder

import (
	"encoding/json"
	"time"
)

// deviceFormat marks a laptop's description in devices/.
const deviceFormat = "deckhand-team-device"

// deviceFile is devices/<device>.json: who a laptop is, for the status of
// the others. Nothing is merged from it.
type deviceFile struct {
	Format string `json:"format"`
	Device string `json:"device"`
	// Name is the laptop's name for people: its host name, or what the
	// person chose.
	Name string `json:"name"`
	// App is the Deckhand version that wrote it, FileVersion the version
	// of the workshop files it writes.
	App         string    `json:"app"`
	FileVersion int       `json:"file_version"`
	Written     time.Time `json:"written"`
	Workshops   int       `json:"workshops"`
}

// readDevice parses a description; nil for anything else.
func readDevice(b []byte) *deviceFile {
	var d deviceFile
	if json.Unmarshal(b, &d) != nil || d.Format != deviceFormat {
		return nil
	}
	return &d
}
