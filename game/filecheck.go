package game

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/message"
)

// Check is the one check of a workshop file's own rules, wherever the file
// comes from (ReadFile, or storage before a merge): first its format and
// version, refused with a plain error that says what the file is; then
// whether it is whole and keeps the rules of the game, judged against the
// file's own deck snapshot: the workshop's fields and its deck; every live
// team's and path's name, participant's pseudonym, play, rating and note;
// that every record has an id unique among its kind; that every time can be
// written again; and that every reference (a play's team and path, a
// rating's play and rater, a note's team and play, a path's team, a
// participant's team when it has one) is to a record in the file. A file
// is the whole workshop as its laptop had it, tombstones included, so a
// reference out of it is a broken file wherever it is read.
//
// Deleted records (tombstones) are checked for their ids, times and
// references only: a tombstone is never shown and cannot be edited, it
// only carries the delete to other laptops, so a field that today's rules
// would refuse (a name from an older Deckhand's rules, a file written by
// hand) must not stop every later file of its workshop from merging.
//
// The error is cards.Problems listing every problem, each naming its
// record: "play 3 (id …, card R07): …"; it also wraps ErrRule when a rule
// of the game refused one of them.
func (f *File) Check() error {
	if err := checkHead(f.Format, f.Version); err != nil {
		return err
	}
	var c checker
	w := &f.Workshop
	const workshop = "the workshop"
	if strings.TrimSpace(w.ID) == "" {
		c.addf(workshop, "it has no id")
	} else if cards.TooLongID(w.ID) {
		c.add(workshop, refuse("its id is longer than %d characters", cards.MaxIDLen))
	}
	c.add(workshop, CheckWorkshop(w))
	c.times(workshop, w.Updated)
	hasDeck := w.Deck != nil
	if hasDeck {
		var dps cards.Problems
		if err := cards.Validate(w.Deck); errors.As(err, &dps) {
			for _, p := range dps {
				c.addf("the workshop's deck", "%s", p.String())
			}
		} else {
			c.add("the workshop's deck", err)
		}
	}

	// Each kind's ids seen so far, mapped to the record's team's id where
	// another record's reference must agree with it.
	teams := map[string]string{}
	for i, t := range f.Teams {
		at := place("team", i, t.ID, "")
		if c.id(at, "team", t.ID, teams) {
			teams[t.ID] = t.ID
		}
		c.times(at, t.Updated)
		if !t.Deleted {
			c.add(at, CheckName("team", t.Name))
			c.add(at, CheckPosition("team", t.Position))
		}
	}
	participants := map[string]string{}
	for i, p := range f.Participants {
		at := place("participant", i, p.ID, "")
		if c.id(at, "participant", p.ID, participants) {
			participants[p.ID] = p.TeamID
		}
		c.times(at, p.Updated)
		if p.TeamID != "" { // a person need not be seated at a table
			c.ref(at, "team", p.TeamID, has(teams, p.TeamID))
		}
		if !p.Deleted {
			c.add(at, CheckName("participant", p.Pseudonym))
		}
	}
	pathTeam := map[string]string{}
	for i, p := range f.Paths {
		at := place("path", i, p.ID, "")
		if c.id(at, "path", p.ID, pathTeam) {
			pathTeam[p.ID] = p.TeamID
		}
		c.times(at, p.Updated)
		c.ref(at, "team", p.TeamID, has(teams, p.TeamID))
		if !p.Deleted {
			c.add(at, CheckName("path", p.Name))
			c.add(at, CheckPosition("path", p.Position))
		}
	}
	playTeam := map[string]string{}
	for i, p := range f.Plays {
		at := place("play", i, p.ID, p.Code)
		if c.id(at, "play", p.ID, playTeam) {
			playTeam[p.ID] = p.TeamID
		}
		c.times(at, p.Updated)
		c.ref(at, "team", p.TeamID, has(teams, p.TeamID))
		if p.PathID != "" {
			team, ok := pathTeam[p.PathID]
			c.ref(at, "development path", p.PathID, ok)
			if ok && team != p.TeamID {
				c.addf(at, "its development path %q belongs to another team", p.PathID)
			}
		}
		if !p.Deleted && hasDeck {
			_, err := w.CheckPlay(p)
			c.add(at, err)
		}
	}
	ratings := map[string]string{}
	for i, r := range f.Ratings {
		at := place("rating", i, r.ID, "")
		if c.id(at, "rating", r.ID, ratings) {
			ratings[r.ID] = ""
		}
		c.times(at, r.At, r.Updated)
		_, ok := playTeam[r.PlayID]
		c.ref(at, "play", r.PlayID, ok)
		if r.Rater != "" && r.Rater != RaterTeam && !has(participants, r.Rater) {
			c.addf(at, "its rater %q is neither %q nor a participant in the file", shortID(r.Rater), RaterTeam)
		}
		if !r.Deleted && hasDeck {
			c.add(at, w.CheckRating(r))
		}
	}
	notes := map[string]string{}
	for i, n := range f.Notes {
		at := place("note", i, n.ID, "")
		if c.id(at, "note", n.ID, notes) {
			notes[n.ID] = ""
		}
		c.times(at, n.At, n.Updated)
		if n.TeamID != "" {
			c.ref(at, "team", n.TeamID, has(teams, n.TeamID))
		}
		if n.PlayID != "" {
			team, ok := playTeam[n.PlayID]
			c.ref(at, "play", n.PlayID, ok)
			if ok && n.TeamID != "" && team != n.TeamID {
				c.addf(at, "its play %q belongs to another team", n.PlayID)
			}
		}
		if !n.Deleted {
			c.add(at, CheckNote(n))
		}
	}
	erasures := map[string]string{}
	for i, e := range f.Erasures {
		at := place("erasure", i, e.ID, "")
		if c.id(at, "erasure", e.ID, erasures) {
			erasures[e.ID] = ""
		}
		c.times(at, e.At)
		if e.What != ErasedNames && e.What != ErasedNamesNotes {
			c.addf(at, "it erased %q; an erasure erases %q or %q", e.What, ErasedNames, ErasedNamesNotes)
		}
	}
	if len(c.ps) > 0 {
		return &fileProblems{c.ps, c.rule}
	}
	return nil
}

// fileProblems is Check's error: the problems found (errors.As gives the
// cards.Problems), and ErrRule for errors.Is when a rule of the game
// refused a record, as a Save function's error would.
type fileProblems struct {
	ps   cards.Problems
	rule bool
}

func (e *fileProblems) Error() string        { return e.ps.Error() }
func (e *fileProblems) Unwrap() error        { return e.ps }
func (e *fileProblems) Is(target error) bool { return e.rule && target == ErrRule }

// checker collects the problems Check finds.
type checker struct {
	ps   cards.Problems
	rule bool // a rule of the game refused one of them
}

// add records err, if any, as a problem of the record at place. The
// rules' own "not allowed by the game's rules" is left out: in a list of
// a file's problems it would only repeat.
func (c *checker) add(place string, err error) {
	if err != nil {
		c.rule = c.rule || errors.Is(err, ErrRule)
		msg := strings.TrimSuffix(err.Error(), ": "+ErrRule.Error())
		p := cards.Problem{Index: -1, Msg: place + ": " + msg}
		if m, ok := message.Of(err); ok {
			// The place stays as it is; the sentence is said in the
			// interface's language.
			p.Message = message.Message{Format: "%s: %s", Args: []any{place, m}}
		}
		c.ps = append(c.ps, p)
	}
}

func (c *checker) addf(place, format string, args ...any) {
	c.add(place, fmt.Errorf(format, args...))
}

// times refuses a time JSON cannot hold (a year past 9999 once in UTC),
// which would make the file impossible to write again.
func (c *checker) times(place string, ts ...time.Time) {
	for _, t := range ts {
		if y := t.UTC().Year(); y < 0 || y > 9999 {
			c.addf(place, "the time %s is out of range", t.Format(time.RFC3339))
		}
	}
}

// id reports a missing id, and one already in seen; it returns whether
// the id is present and new.
func (c *checker) id(place, kind, id string, seen map[string]string) bool {
	switch {
	case strings.TrimSpace(id) == "":
		c.addf(place, "it has no id")
		return false
	case cards.TooLongID(id):
		c.add(place, refuse("its id is longer than %d characters", cards.MaxIDLen))
		return false
	case has(seen, id):
		c.addf(place, "its id is used by an earlier %s; every %s needs its own", kind, kind)
		return false
	}
	return true
}

func has(m map[string]string, key string) bool {
	_, ok := m[key]
	return ok
}

// ref reports a reference to a record that is not in the file.
func (c *checker) ref(place, what, id string, found bool) {
	switch {
	case id == "":
		c.addf(place, "it names no %s", what)
	case !found:
		c.addf(place, "its %s %q is not in the file", what, shortID(id))
	}
}
