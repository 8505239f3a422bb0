package game

// FileFormat and FileVersion mark a workshop file, so a file from a newer
// Deckhand is refused with a clear message.
const (
	FileFormat  = "deckhand.workshop"
	FileVersion = 1
)

// File is one workshop with everything recorded in it: the form in which a
// workshop travels between laptops (see docs/file-formats.md). Every record
// keeps its id, and deleted records travel as tombstones (Deleted), so
// importing a file twice, or files from several laptops, adds each record
// once and brings nothing deleted back.
type File struct {
	Format       string        `json:"format"`
	Version      int           `json:"version"`
	Device       string        `json:"device,omitempty"` // the laptop that wrote the file
	Workshop     Workshop      `json:"workshop"`
	Teams        []Team        `json:"teams"`
	Participants []Participant `json:"participants"`
	Paths        []Path        `json:"paths"`
	Plays        []Play        `json:"plays"`
	Ratings      []Rating      `json:"ratings"`
	Notes        []Note        `json:"notes"`
}
