package teamfolder

import (
	"slices"
	"time"

	"deckhand/message"
)

// Status is what the folder looks like to this laptop, for a person: when
// it last read and wrote, which laptops share it, and what is wrong.
type Status struct {
	Folder string
	// LastRead is the end of the last full read of the folder; LastWritten
	// the last write of one of this laptop's files.
	LastRead, LastWritten time.Time
	// Devices are the laptops whose files are in the folder, this one
	// among them, by name.
	Devices []Device
	// Problems are sentences: files left alone and why, a folder missing
	// or that cannot be written to.
	Problems []message.Message
}

// Device is one laptop of the folder.
type Device struct {
	ID string
	// Name, App and Written are from its devices/<id>.json; empty when it
	// has none (yet).
	Name, App string
	Written   time.Time
	// Workshops are the ids of the workshops it has written a file of.
	Workshops []string
	// This marks this laptop.
	This bool
}

// Status returns a copy of the folder's status.
func (f *Folder) Status() Status {
	f.statusMu.Lock()
	defer f.statusMu.Unlock()
	s := f.status
	s.Devices = slices.Clone(s.Devices)
	s.Problems = slices.Clone(s.Problems)
	return s
}

// setStatus changes the status under its lock.
func (f *Folder) setStatus(change func(s *Status)) {
	f.statusMu.Lock()
	defer f.statusMu.Unlock()
	change(&f.status)
}
