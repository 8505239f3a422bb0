package storage

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// checkFile checks a workshop file before anything is written: its format
// and version, that every record has an id of its own, and every record by
// the rules the Save functions apply, against the file's own deck
// snapshot. It returns a copy with plays as CheckPlay writes them, real
// names trimmed, every time in UTC and every record's device filled in
// (game.File.Upgrade); the caller's file is not changed.
func checkFile(f *game.File) (*game.File, error) {
	switch {
	case f == nil:
		return nil, withKind(ErrBadFile, "there is no workshop file to import")
	case f.Format != game.FileFormat:
		return nil, withKind(ErrBadFile, "this is not a Deckhand workshop file (its format is %q, not %q)", f.Format, game.FileFormat)
	case f.Version > game.FileVersion:
		return nil, withKind(ErrBadFile, "this workshop file was made by a newer Deckhand (format version %d); update Deckhand to import it", f.Version)
	case f.Version < 1:
		return nil, withKind(ErrBadFile, "this workshop file has no valid format version")
	case f.Workshop.ID == "":
		return nil, withKind(ErrBadFile, "the workshop in this file has no id")
	case cards.TooLongID(f.Workshop.ID):
		return nil, withKind(ErrBadFile, "the workshop in this file has an id longer than %d characters", cards.MaxIDLen)
	}
	in := *f
	w := &in.Workshop
	w.Updated = utc(w.Updated)
	if err := game.CheckWorkshop(w); err != nil {
		return nil, fmt.Errorf("the file's workshop %q: %w", w.Title, err)
	}
	ids := map[string]bool{w.ID: true}
	unique := func(what, id string) error {
		switch {
		case id == "":
			return withKind(ErrBadFile, "the file holds a %s without an id", game.RecordWord(what))
		case cards.TooLongID(id):
			return withKind(ErrBadFile, "the file holds a %s whose id is longer than %d characters", game.RecordWord(what), cards.MaxIDLen)
		case ids[id]:
			return withKind(ErrBadFile, "the file holds the id %s twice (a %s)", id, game.RecordWord(what))
		}
		ids[id] = true
		return nil
	}
	in.Teams = slices.Clone(f.Teams)
	for i := range in.Teams {
		t := &in.Teams[i]
		t.Updated = utc(t.Updated)
		if err := unique("team", t.ID); err != nil {
			return nil, err
		}
		if err := game.CheckName("team", t.Name); err != nil {
			return nil, fmt.Errorf("the file's team %s: %w", t.ID, err)
		}
		if err := game.CheckPosition("team", t.Position); err != nil {
			return nil, fmt.Errorf("the file's team %s: %w", t.ID, err)
		}
	}
	in.Participants = slices.Clone(f.Participants)
	for i := range in.Participants {
		p := &in.Participants[i]
		p.Updated, p.RealName = utc(p.Updated), strings.TrimSpace(p.RealName)
		if err := unique("participant", p.ID); err != nil {
			return nil, err
		}
		if err := game.CheckName("participant", p.Pseudonym); err != nil {
			return nil, fmt.Errorf("the file's participant %s: %w", p.ID, err)
		}
	}
	in.Paths = slices.Clone(f.Paths)
	for i := range in.Paths {
		p := &in.Paths[i]
		p.Updated = utc(p.Updated)
		if err := unique("path", p.ID); err != nil {
			return nil, err
		}
		if err := game.CheckName("path", p.Name); err != nil {
			return nil, fmt.Errorf("the file's path %s: %w", p.ID, err)
		}
		if err := game.CheckPosition("path", p.Position); err != nil {
			return nil, fmt.Errorf("the file's path %s: %w", p.ID, err)
		}
	}
	in.Plays = make([]game.Play, len(f.Plays))
	for i, p := range f.Plays {
		if err := unique("play", p.ID); err != nil {
			return nil, err
		}
		checked, err := w.CheckPlay(p)
		if err != nil {
			return nil, fmt.Errorf("the file's play %s (card %s): %w", p.ID, p.Code, err)
		}
		checked.Updated = utc(p.Updated)
		in.Plays[i] = checked
	}
	in.Ratings = slices.Clone(f.Ratings)
	for i := range in.Ratings {
		r := &in.Ratings[i]
		r.At, r.Updated = utc(r.At), utc(r.Updated)
		if err := unique("rating", r.ID); err != nil {
			return nil, err
		}
		if err := w.CheckRating(*r); err != nil {
			return nil, fmt.Errorf("the file's rating %s: %w", r.ID, err)
		}
	}
	in.Notes = slices.Clone(f.Notes)
	for i := range in.Notes {
		n := &in.Notes[i]
		n.At, n.Updated = utc(n.At), utc(n.Updated)
		if err := unique("note", n.ID); err != nil {
			return nil, err
		}
		if err := game.CheckNote(*n); err != nil {
			return nil, fmt.Errorf("the file's note %s: %w", n.ID, err)
		}
	}
	in.Erasures = slices.Clone(f.Erasures)
	for i := range in.Erasures {
		e := &in.Erasures[i]
		e.At = utc(e.At)
		if err := unique("erasure", e.ID); err != nil {
			return nil, err
		}
		if e.What != game.ErasedNames && e.What != game.ErasedNamesNotes {
			return nil, withKind(ErrBadFile, "the file's erasure %s erased %q, which is neither %q nor %q", e.ID, e.What, game.ErasedNames, game.ErasedNamesNotes)
		}
	}
	in.Upgrade() // the lists are copies: the caller's file stays as it was
	return &in, nil
}

// utc is a time as it reads back from the database: UTC, with no
// monotonic clock reading.
func utc(t time.Time) time.Time { return t.UTC().Round(0) }
