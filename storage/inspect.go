package storage

import (
	"encoding/binary"
	"os"
)

// ApplicationID marks a SQLite file as Deckhand's ("DKHD"), so the app never
// writes into another program's database that happens to be opened.
const ApplicationID = 0x444B4844

// sqliteHeader is the start of every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// fileState is what a look at the raw file header tells before SQLite is
// allowed near the file.
type fileState struct {
	empty         bool // zero bytes, or a database with nothing in it: safe to set up
	schemaVersion int
}

// inspect reads the header of the open (and locked) file without opening it
// as a database: a file that is not ours must not be touched, and SQLite would
// already write to it when switching the journal mode.
func inspect(f *os.File, path string) (fileState, error) {
	info, err := f.Stat()
	if err != nil {
		return fileState{}, openError(path, err, "cannot read %s: %v", path, err)
	}
	if info.Size() == 0 {
		return fileState{empty: true}, nil
	}
	header := make([]byte, 100)
	if _, err := f.ReadAt(header, 0); err != nil || string(header[:16]) != sqliteHeader {
		return fileState{}, openError(path, ErrNotDatabase, "%s is not a Deckhand database; it was left unchanged, so choose another file", path)
	}
	appID := binary.BigEndian.Uint32(header[68:72])
	userVersion := int(binary.BigEndian.Uint32(header[60:64]))
	pages := binary.BigEndian.Uint32(header[28:32])
	switch {
	case appID == 0 && userVersion == 0 && pages <= 1:
		// An empty SQLite file, e.g. made by "sqlite3 new.db": nothing to lose.
		return fileState{empty: true}, nil
	case appID != ApplicationID:
		return fileState{}, openError(path, ErrForeignDatabase, "%s is another program's database; Deckhand left it unchanged, so choose another file", path)
	case userVersion > SchemaVersion():
		return fileState{}, openError(path, ErrNewerSchema, "%s was saved by a newer version of Deckhand (schema %d; this one knows up to %d); update Deckhand to open it", path, userVersion, SchemaVersion())
	}
	return fileState{schemaVersion: userVersion}, nil
}
