package storage

import (
	"slices"
	"strings"
	"time"

	"deckhand/game"
)

// checkFile checks a workshop file before anything is written, by the
// file's own rules (game.File.Check: its format and version, every record
// and every reference, against the file's own deck snapshot), which are
// the rules ReadFile read it by; what only the database can say (the
// deck snapshot of a stored workshop, ids of another workshop's records,
// stamps against this laptop's clock) is checked by the merge. It returns
// a copy with every record's device filled in and a version 1 file's
// deletes read as today's (game.File.Upgrade, before the check, as
// ReadFile does), live plays as CheckPlay writes them, real names trimmed
// and every time in UTC; the caller's file is not changed.
func checkFile(f *game.File) (*game.File, error) {
	if f == nil {
		return nil, withKind(ErrBadFile, "there is no workshop file to import")
	}
	in := *f
	in.Teams = slices.Clone(f.Teams)
	in.Participants = slices.Clone(f.Participants)
	in.Paths = slices.Clone(f.Paths)
	in.Plays = slices.Clone(f.Plays)
	in.Ratings = slices.Clone(f.Ratings)
	in.Notes = slices.Clone(f.Notes)
	in.Erasures = slices.Clone(f.Erasures)
	in.Upgrade() // the lists are copies: the caller's file stays as it was
	if err := in.Check(); err != nil {
		return nil, badFile{err}
	}
	w := &in.Workshop
	w.Updated = utc(w.Updated)
	for i := range in.Teams {
		in.Teams[i].Updated = utc(in.Teams[i].Updated)
	}
	for i := range in.Participants {
		p := &in.Participants[i]
		p.Updated, p.RealName = utc(p.Updated), strings.TrimSpace(p.RealName)
	}
	for i := range in.Paths {
		in.Paths[i].Updated = utc(in.Paths[i].Updated)
	}
	for i := range in.Plays {
		p := &in.Plays[i]
		if !p.Deleted {
			*p, _ = w.CheckPlay(*p) // Check has passed it
		}
		p.Updated = utc(p.Updated)
	}
	for i := range in.Ratings {
		r := &in.Ratings[i]
		r.At, r.Updated = utc(r.At), utc(r.Updated)
	}
	for i := range in.Notes {
		n := &in.Notes[i]
		n.At, n.Updated = utc(n.At), utc(n.Updated)
	}
	for i := range in.Erasures {
		in.Erasures[i].At = utc(in.Erasures[i].At)
	}
	return &in, nil
}

// badFile is a file that game.File.Check refused: its error (the
// problems found, each naming its record, or the file's format or version
// refused), marked ErrBadFile. It still says ErrRule, and gives the
// cards.Problems, as Check's own error does.
type badFile struct{ err error }

func (e badFile) Error() string        { return e.err.Error() }
func (e badFile) Unwrap() error        { return e.err }
func (e badFile) Is(target error) bool { return target == ErrBadFile }

// utc is a time as it reads back from the database: UTC, with no
// monotonic clock reading.
func utc(t time.Time) time.Time { return t.UTC().Round(0) }
