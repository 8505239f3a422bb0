package cards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// SharedFormat and SharedVersion mark a shared deck file: a deck as one
// laptop holds it, with what a merge on another laptop decides by (every
// card's stamps, devices, causal contexts and tombstones). A file from a
// newer Deckhand is refused rather than half understood.
const (
	SharedFormat  = "deckhand.shared-deck"
	SharedVersion = 1
)

// Seen is a causal context: for each device, the stamp (Unix nanoseconds
// of its hybrid logical clock) of that device's latest change a version
// had seen. Without the version's own change, which its stamp and device
// say already.
type Seen map[string]int64

// Change is which change made a version: its stamp, its device and what it
// had seen.
type Change struct {
	Updated time.Time `json:"updated_at"`
	Device  string    `json:"device"`
	Context Seen      `json:"context,omitempty"`
}

// SharedDeck is a shared deck file.
type SharedDeck struct {
	Format  string       `json:"format"`
	Version int          `json:"version"`
	Device  string       `json:"device,omitempty"` // the laptop that wrote the file
	Deck    SharedFields `json:"deck"`
	Cards   []SharedCard `json:"cards"`
}

// SharedFields are a deck's own fields with the change that made them.
// Edition and parent are the writing laptop's: a merge keeps its own
// lineage and the greater edition.
type SharedFields struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Description Text        `json:"description,omitempty"`
	Client      string      `json:"client,omitempty"`
	Languages   []string    `json:"languages"`
	DefaultLang string      `json:"default_language"`
	Edition     int         `json:"edition"`
	Parent      string      `json:"parent,omitempty"`
	CardTypes   []CardType  `json:"card_types"`
	Themes      []Term      `json:"themes"`
	Levels      []Term      `json:"levels"`
	Board       Board       `json:"board"`
	Criteria    []Criterion `json:"criteria"`
	Look        *Look       `json:"look,omitempty"`
	Change
}

// SharedCard is one card, live or a tombstone, with the change that made
// its fields and state and the one that put it in its place.
type SharedCard struct {
	Card
	Position  int       `json:"position"`
	Created   time.Time `json:"created_at"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedBy Seen      `json:"deleted_by,omitempty"` // a tombstone's deletes no restore had seen; none: its own change
	PlacedAt  time.Time `json:"placed_at"`
	PlacedBy  string    `json:"placed_by"`
	Change
}

// SharedFieldsOf is a deck's own fields in a shared file, without their
// change.
func SharedFieldsOf(d *Deck) SharedFields {
	c := d.Clone()
	return SharedFields{ID: c.ID, Name: c.Name, Description: c.Description, Client: c.Client, Languages: c.Languages,
		DefaultLang: c.DefaultLang, Edition: c.Edition, Parent: c.Parent, CardTypes: c.CardTypes, Themes: c.Themes,
		Levels: c.Levels, Board: c.Board, Criteria: c.Criteria, Look: c.Look}
}

// Fields is the deck of these fields, without cards.
func (f SharedFields) Fields() *Deck {
	d := &Deck{ID: f.ID, Name: f.Name, Description: f.Description, Client: f.Client, Languages: f.Languages,
		DefaultLang: f.DefaultLang, Edition: f.Edition, Parent: f.Parent, CardTypes: f.CardTypes, Themes: f.Themes,
		Levels: f.Levels, Board: f.Board, Criteria: f.Criteria, Look: f.Look}
	return d.Clone()
}

// Live is the deck the file holds: its fields and its live cards in order
// (by position, then id, as the store lists them).
func (f *SharedDeck) Live() *Deck {
	d := f.Deck.Fields()
	live := slices.Clone(f.Cards)
	slices.SortStableFunc(live, func(a, b SharedCard) int {
		if a.Position != b.Position {
			return a.Position - b.Position
		}
		return strings.Compare(a.ID, b.ID)
	})
	d.Cards = []Card{}
	for _, c := range live {
		if !c.Deleted {
			d.Cards = append(d.Cards, c.Card.Clone())
		}
	}
	return d
}

// WriteShared writes a shared deck file as indented JSON, the same bytes
// for the same deck and versions.
func WriteShared(w io.Writer, f *SharedDeck) error {
	out := *f
	out.Format, out.Version = SharedFormat, SharedVersion
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write shared deck: %w", err)
	}
	return nil
}

// ReadShared reads a shared deck file strictly, as ReadJSON reads a deck
// (CheckStrictJSON, no unknown fields, one sentence for a file of another
// kind or a newer version), puts its texts in normal form C and checks it
// (CheckShared). Every problem is a Problem with its line and column where
// the JSON has one.
func ReadShared(data []byte) (*SharedDeck, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if err := CheckStrictJSON(data); err != nil {
		return nil, err
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if json.Unmarshal(data, &head) == nil {
		switch {
		case head.Format == WorkshopFileFormat:
			return nil, refusal("this is a workshop file, not a deck: merge it on the Workshop screen (Merge a workshop file…, Ctrl+M) or with deckhand workshop import")
		case head.Format == JSONFormat:
			return nil, refusal("this is a deck file, not a shared deck: import it with deckhand import")
		case head.Format != SharedFormat:
			return nil, refusal("this JSON file is not a Deckhand shared deck (its format is %q, not %q)", head.Format, SharedFormat)
		case head.Version > SharedVersion:
			return nil, refusal("this shared deck was made by a newer Deckhand (format version %d); update Deckhand to merge it", head.Version)
		}
	}
	f := &SharedDeck{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(f); err != nil {
		return nil, jsonProblem(data, dec, err)
	}
	return CheckedShared(f)
}

// CheckedShared is a copy of a shared deck file with its texts in normal
// form C and its times in UTC, once it has passed its format, its version
// and CheckShared; the file given is not changed.
func CheckedShared(f *SharedDeck) (*SharedDeck, error) {
	switch {
	case f.Format != SharedFormat:
		return nil, refusal("this JSON file is not a Deckhand shared deck (its format is %q, not %q)", f.Format, SharedFormat)
	case f.Version > SharedVersion:
		return nil, refusal("this shared deck was made by a newer Deckhand (format version %d); update Deckhand to merge it", f.Version)
	case f.Version < 1:
		return nil, refusal("this deck file has no valid format version")
	}
	out := *f
	out.Cards = make([]SharedCard, len(f.Cards))
	for i, c := range f.Cards {
		c.Card = c.Card.Clone()
		c.Updated, c.Created, c.PlacedAt = c.Updated.UTC(), c.Created.UTC(), c.PlacedAt.UTC()
		out.Cards[i] = c
	}
	out.Deck.Updated = out.Deck.Updated.UTC()
	out.normalize()
	if err := CheckShared(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// normalize gives the file's texts the form the store keeps them in.
func (f *SharedDeck) normalize() {
	fields := f.Deck.Fields()
	fields.Normalize()
	change := f.Deck.Change
	f.Deck = SharedFieldsOf(fields)
	f.Deck.Change = change
	for i := range f.Cards {
		f.Cards[i].Card = NormalizedCard(f.Cards[i].Card)
	}
}

// CheckShared checks a shared deck file by its own rules: every card and
// the deck's own fields carry an id (cards' unique), a stamp and a device;
// the deck's own fields are a valid deck's; each live card is valid on its
// own and has a code no other live card has. A live card need not fit the
// deck's vocabulary or languages: a merge of two laptops' changes can
// leave a card of a type the other laptop took away, and a file that
// every laptop refused for it would keep them apart for good (the store
// names such a card after the merge). Tombstones need only their ids and
// stamps, since today's rules must not stop a file for a card no one can
// edit.
func CheckShared(f *SharedDeck) error {
	var l problemList
	unstamped := func(c Change) bool { return c.Updated.IsZero() || c.Device == "" }
	if f.Deck.ID == "" || unstamped(f.Deck.Change) {
		l.deck("id", "the shared deck has no id, stamp or device; a shared deck file names the change that made every version")
	}
	ids := make(map[string]bool, len(f.Cards))
	for _, c := range f.Cards {
		switch {
		case c.ID == "" || len(c.ID) > 100 || ids[c.ID]:
			l.deck("id", "card %s has no id, one longer than 100 characters or another card's", c.Code)
		case unstamped(c.Change) || c.PlacedAt.IsZero() || c.PlacedBy == "":
			l.deck("updated_at", "card %s has no stamp or device; a shared deck file names the change that made every version", c.Code)
		}
		ids[c.ID] = true
	}
	if len(l.ps) > 0 {
		return l.ps
	}
	live := f.Live()
	d := live.Clone()
	d.Cards = nil
	var l2 problemList
	checkDeckInfo(&l2, d)
	checkVocabulary(&l2, d)
	codes := make(map[string]bool, len(live.Cards))
	for i, c := range live.Cards {
		checkCard(&l2, fitting(d, c), i, c)
		key := strings.ToUpper(c.Code)
		if codes[key] && c.Code != "" {
			l2.card(i, c, "code", "code %s is already used by an earlier card; codes must be unique in a deck", c.Code)
		}
		codes[key] = true
	}
	return l2.err()
}

// fitting is d as a card of it is checked in a shared file: with the
// card's type, theme, area and level among its keys, and its languages
// the card's own, so that only what is wrong with the card itself is
// found.
func fitting(d *Deck, c Card) *Deck {
	fit := *d
	if _, ok := d.CardType(c.Type); !ok && c.Type != "" {
		fit.CardTypes = append(slices.Clone(d.CardTypes), CardType{Key: c.Type})
	}
	if _, ok := d.Theme(c.Theme); !ok && c.Theme != "" {
		fit.Themes = append(slices.Clone(d.Themes), Term{Key: c.Theme})
	}
	if _, ok := d.Level(c.Level); !ok && c.Level != "" {
		fit.Levels = append(slices.Clone(d.Levels), Term{Key: c.Level})
	}
	if _, ok := d.Area(c.Area); !ok && c.Area != "" {
		fit.Board.Areas = append(slices.Clone(d.Board.Areas), Area{Key: c.Area})
	}
	langs := map[string]bool{}
	for lang := range c.Title {
		langs[lang] = true
	}
	for lang := range c.Body {
		langs[lang] = true
	}
	fit.Languages = slices.Sorted(maps.Keys(langs))
	return &fit
}
