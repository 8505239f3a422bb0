package game

import "time"

// FileFormat and FileVersion mark a workshop file, so a file from a newer
// Deckhand is refused with a clear message. Version 2 added the editing
// device of every record, the time of a rating's last change and the
// erasure records; ReadFile still reads version 1 (see normalize).
const (
	FileFormat  = "deckhand.workshop"
	FileVersion = 2
)

// File is one workshop with everything recorded in it: the form in which a
// workshop travels between laptops (see docs/file-formats.md). Every record
// keeps its id, the time of its last change (a hybrid logical clock
// reading, see storage) and the device that made it, and deleted records
// travel as tombstones (Deleted), so importing a file twice, or files from
// several laptops in any order, adds each record once, agrees on which
// edit is the newest, and brings nothing deleted back.
//
// A record's Deleted is its own state: a rating or note of a play that was
// taken off the board stays as it was and is hidden with its play (a
// live workshop, storage.Session, leaves it out), so that putting the card back brings exactly them back.
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
	Erasures     []Erasure     `json:"erasures"`
}

// What an erasure erased.
const (
	ErasedNames      = "names"       // participants' names, pseudonyms and roles, note-takers' names
	ErasedNamesNotes = "names+notes" // those, and the text of every note
)

// Erasure records that a workshop's personal data was erased on a device
// at a time. It holds no personal data itself. It travels in the workshop
// file so that every laptop the file reaches erases the same data, and an
// older file cannot bring it back: every version of a record made at or
// before At loses what was erased.
type Erasure struct {
	ID     string    `json:"id"`
	What   string    `json:"what"` // ErasedNames or ErasedNamesNotes
	At     time.Time `json:"at"`
	Device string    `json:"device,omitempty"`
}
