// Package cards holds the deck model of Deckhand: decks, card types, cards, the
// board and the rating criteria, with the rules that make a deck valid and the
// deck file formats (CSV and JSON). It is plain Go with no I/O beyond readers
// and writers, so every front end and test can use it directly.
package cards

import (
	"slices"

	"deckhand/message"
)

// Text is a piece of text in each of a deck's languages, keyed by language
// code ("sv", "fi", "en").
type Text map[string]string

// In returns the text in lang, or "" when the deck has no text in it.
func (t Text) In(lang string) string { return t[lang] }

// Clone returns an independent copy, so edits to one deck never reach another.
func (t Text) Clone() Text {
	if t == nil {
		return nil
	}
	c := make(Text, len(t))
	for k, v := range t {
		c[k] = v
	}
	return c
}

// Term is one entry of a deck's vocabulary: a theme or a level, named in each
// language. Keys are stable identifiers stored on cards; names are for people.
type Term struct {
	Key  string `json:"key"`
	Name Text   `json:"name"`
}

// CardType is a kind of card: routine, interaction, customer role, blank, or
// a type the deck's author defines.
type CardType struct {
	Key    string `json:"key"`
	Name   Text   `json:"name"`
	Colour string `json:"colour"`         // "#RRGGBB", the band printed on the card
	Prefix string `json:"prefix"`         // code prefix of new cards of this type, e.g. "R"
	Back   Text   `json:"back"`           // text printed on the back of the card
	Icon   Image  `json:"icon,omitempty"` // a small picture printed beside the type's name
}

// Area is one area of the board, such as the 4K areas collection, use,
// communication and development of data.
type Area struct {
	Key      string `json:"key"`
	Name     Text   `json:"name"`
	Colour   string `json:"colour"`
	Question Text   `json:"question"` // the guiding question printed in the area
}

// Board is the playing board the cards are laid on.
type Board struct {
	Layout string `json:"layout"` // how the areas are arranged; "4k" is the 2×2 board
	Areas  []Area `json:"areas"`
}

// Perspectives a criterion belongs to.
const (
	PerspectiveCustomer     = "customer"
	PerspectiveOrganisation = "organisation"
)

// Criterion is something a team rates a routine on, such as desirability,
// on a whole-number scale from Min to Max.
type Criterion struct {
	Key         string `json:"key"`
	Name        Text   `json:"name"`
	Perspective string `json:"perspective"`
	Min         int    `json:"min"`
	Max         int    `json:"max"`
}

// Card is one card of a deck. Code is unique in its deck and the same in every
// language, so a note-taker can log a card by its code whatever language the
// table plays in.
type Card struct {
	ID     string   `json:"id,omitempty"`
	Code   string   `json:"code"`
	Type   string   `json:"type"`
	Theme  string   `json:"theme,omitempty"`
	Area   string   `json:"area,omitempty"`
	Level  string   `json:"level,omitempty"`
	Copies int      `json:"copies"`
	Tags   []string `json:"tags,omitempty"`
	Title  Text     `json:"title"`
	Body   Text     `json:"body"`
}

// Clone returns an independent copy of the card.
func (c Card) Clone() Card {
	c.Tags = slices.Clone(c.Tags)
	c.Title = c.Title.Clone()
	c.Body = c.Body.Clone()
	return c
}

// Deck is a whole deck: its vocabulary, board, criteria and cards.
type Deck struct {
	ID          string      `json:"id,omitempty"`
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
	Look        *Look       `json:"look,omitempty"` // the client's logo and backs; nil prints Deckhand's own
	Cards       []Card      `json:"cards"`
	// ReadNotes are what reading the deck from a file noticed without
	// refusing it (a CSV file that was not UTF-8, read as Windows-1252),
	// for the person to check before importing. They are not stored.
	ReadNotes []message.Message `json:"-"`
}
