package game

import (
	"time"

	"deckhand/cards"
)

// FileFormat and FileVersion mark a workshop file, so a file from a newer
// Deckhand is refused with a clear message. Version 2 added the editing
// device of every record, the time of a rating's last change and the
// erasure records; version 3 the causal context of every record and
// erasure (Context), a tombstone's deletes (DeletedBy) and an erasure's
// hashes of what it erased; version 4 the workshop's own deletion
// (Workshop.Deleted, DeletedBy), which an older Deckhand would refuse as an
// unknown field rather than as a newer file. ReadFile
// still reads versions 1 to 3 (see normalize): a record without a context
// has seen only its own change, an erasure without one erases by its stamp.
const (
	FileFormat  = cards.WorkshopFileFormat
	FileVersion = 4
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
// older file cannot bring it back: every version of a record the erasing
// laptop had seen (Context) loses what was erased, and so does every field
// of a later version that still holds an erased value (Hashes: keyed
// hashes of the erased values, never the values). An erasure from a file
// of version 2 or older has no Context and erases every version made at
// or before At.
type Erasure struct {
	ID      string    `json:"id"`
	What    string    `json:"what"` // ErasedNames or ErasedNamesNotes
	At      time.Time `json:"at"`
	Device  string    `json:"device,omitempty"`
	Context Context   `json:"context,omitempty"`
	Hashes  []string  `json:"hashes,omitempty"`
}

// Context is what a version of a record (or an erasure) had seen: for each
// device, the stamp (Unix nanoseconds of its hybrid logical clock) of that
// device's latest change it had seen, its own change included. Merges
// compare contexts instead of wall clocks (see storage/causal.go).
type Context map[string]int64
