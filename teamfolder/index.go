package teamfolder

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"time"

	"deckhand/storage"
)

// index is what this laptop remembers of the folder between runs, kept
// beside the database (<db>.teamfolder.json): which files it merged, as
// they were then, and what it wrote of each workshop. With it a restart
// reads only the files that changed since, and writes only the workshops
// that changed, not every one of them again.
type index struct {
	Format string `json:"format"`
	// Folder and Device are the folder and laptop the index is of: another
	// folder (or a database copied to another laptop) starts afresh.
	Folder string `json:"folder"`
	Device string `json:"device"`
	// Merged holds each file merged, by its path inside the folder.
	Merged map[string]seenFile `json:"merged"`
	// Written holds what this laptop last wrote of each workshop, by id;
	// Decks of each published deck, by id.
	Written map[string]writtenFile `json:"written"`
	Decks   map[string]writtenDeck `json:"decks,omitempty"`

	// saved is the index as last read or written: a pass that changed
	// nothing writes nothing (and flushes nothing to the disk).
	saved []byte
}

// indexFormat marks an index file; another value starts afresh.
const indexFormat = "deckhand-team-folder-index-1"

// seenFile is a file as it was when it was merged. Size -1 marks a file
// whose stat cannot be trusted (changed within the last moments, when a
// second change of the same size could keep the time): it is read again.
type seenFile struct {
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // nanoseconds since 1970
	Hash    string `json:"sha256"`
}

// writtenFile is what this laptop last wrote of a workshop: the
// workshop's signature then, and the file's size, time and hash.
type writtenFile struct {
	Change  storage.WorkshopChange `json:"change"`
	Size    int64                  `json:"size"`
	ModTime int64                  `json:"mtime"`
	Hash    string                 `json:"sha256"`
}

// writtenDeck is what this laptop last wrote of a published deck: the
// deck's latest change then (storage.PublishedDeck.Changed), and the
// file's size, time and hash.
type writtenDeck struct {
	Changed time.Time `json:"changed"`
	Size    int64     `json:"size"`
	ModTime int64     `json:"mtime"`
	Hash    string    `json:"sha256"`
}

// sameChange says whether two signatures are of the same state.
func sameChange(a, b storage.WorkshopChange) bool {
	return a.Latest.Equal(b.Latest) && a.Erased.Equal(b.Erased) && a.Rows == b.Rows && a.Sum == b.Sum
}

// unchanged says whether a file stat says nothing changed since it was
// merged as seen.
func (s seenFile) unchanged(info fs.FileInfo) bool {
	return s.Size >= 0 && s.Size == info.Size() && s.ModTime == info.ModTime().UnixNano()
}

// racyWindow is how recent a file's time may be for its stat to be
// trusted: some file systems (FAT, SMB shares) keep times to two seconds,
// so a second write of the same size just after the first could leave
// size and time as they were.
const racyWindow = 3 * time.Second

// seen is the index entry of a file just read.
func seen(info fs.FileInfo, hash string, now time.Time) seenFile {
	s := seenFile{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Hash: hash}
	if now.Sub(info.ModTime()) < racyWindow {
		s.Size = -1
	}
	return s
}

// loadIndex reads the index at path for folder and device; a missing,
// unreadable or foreign index is an empty one (the cost is one full read).
func loadIndex(path, folder, device string) *index {
	fresh := &index{Format: indexFormat, Folder: folder, Device: device, Merged: map[string]seenFile{}, Written: map[string]writtenFile{}, Decks: map[string]writtenDeck{}}
	b, err := os.ReadFile(path)
	if err != nil {
		return fresh
	}
	var ix index
	if json.Unmarshal(b, &ix) != nil || ix.Format != indexFormat || ix.Folder != folder || ix.Device != device {
		return fresh
	}
	if ix.Merged == nil {
		ix.Merged = map[string]seenFile{}
	}
	if ix.Written == nil {
		ix.Written = map[string]writtenFile{}
	}
	if ix.Decks == nil {
		ix.Decks = map[string]writtenDeck{}
	}
	ix.saved = b
	return &ix
}

// save writes the index atomically.
func (ix *index) save(path string) error {
	b, err := json.Marshal(ix)
	if err != nil {
		return err
	}
	if bytes.Equal(b, ix.saved) {
		return nil
	}
	if err := writeAtomic(path, b); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	ix.saved = b
	return nil
}
