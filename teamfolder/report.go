package teamfolder

import (
	"time"

	"deckhand/message"
)

// Report says what one pass over the folder did, file by file.
type Report struct {
	// Written are this laptop's own files written, Merged the files of
	// others merged (a preview: that would be merged, with what they
	// would change), Skipped the files left alone this time, each with
	// the sentence why.
	Written, Merged, Skipped []Entry
	// Unchanged counts the files not read again: as they were when merged.
	Unchanged int
	// Removed are the conflict copies removed once this laptop's own file
	// carried what they held.
	Removed []string
}

// Entry is one file of a Report.
type Entry struct {
	// At is when it was written or merged.
	At time.Time
	// Path is the file's path inside the folder, with forward slashes.
	Path string
	// Workshop is the id of its workshop and Title its title, when read;
	// the file of a published deck has Deck, the deck's id, instead, and
	// its name as Title.
	Workshop, Deck, Title string
	// NewDeck and DeckChanged say that a deck's merge added the deck here,
	// or changed its own fields (storage.SharedDeckSummary).
	NewDeck, DeckChanged bool
	// Added, Updated, Deleted and Unchanged count its records (a deck's:
	// its cards) as the merge did (storage.WorkshopImportSummary,
	// storage.SharedDeckSummary); a written file has none.
	Added, Updated, Deleted, Unchanged int
	// Deletion marks the file of a deleted workshop: its tombstone.
	Deletion bool
	// BackupsHolding and NotErased are the merge's, when the file brought
	// an erasure new here (storage.WorkshopImportSummary): the backups that
	// still hold the erased data, and the names or notes kept beside it.
	BackupsHolding []string
	NotErased      int
	NotErasedSince time.Time
	// Why says why a skipped file was left alone.
	Why message.Message
}

// Changed says whether the merge changed anything here.
func (e Entry) Changed() bool {
	return e.Added+e.Updated+e.Deleted > 0 || e.NewDeck || e.DeckChanged
}

// carrier is whose file carries a conflict copy once merged: this
// laptop's own file of a workshop, or of a deck.
type carrier struct {
	deck bool
	id   string
}

// carrier is the file that carries what the entry's file held.
func (e Entry) carrier() carrier {
	if e.Deck != "" {
		return carrier{deck: true, id: e.Deck}
	}
	return carrier{id: e.Workshop}
}

// add appends what another pass did.
func (r *Report) add(o Report) {
	r.Written = append(r.Written, o.Written...)
	r.Merged = append(r.Merged, o.Merged...)
	r.Skipped = append(r.Skipped, o.Skipped...)
	r.Removed = append(r.Removed, o.Removed...)
	r.Unchanged += o.Unchanged
}

// empty says whether the pass wrote, merged, skipped and removed nothing.
func (r Report) empty() bool {
	return len(r.Written)+len(r.Merged)+len(r.Skipped)+len(r.Removed) == 0
}
