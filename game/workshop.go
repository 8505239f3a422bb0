// Package game holds what happens in a workshop: the workshop and its
// teams, participants, development paths, the cards each team plays on the
// board, the ratings and the notes, with the rules of the game that say
// what may be placed where and what a valid rating is. It is plain Go on
// top of cards; storage keeps it and the screens show it.
package game

import (
	"time"

	"deckhand/cards"
)

// Workshop is one workshop: a session of the game with one deck. Deck is a
// snapshot of the deck as it was when the workshop was created, so later
// edits to the deck never change what was played.
type Workshop struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Client      string      `json:"client,omitempty"`
	Sector      string      `json:"sector,omitempty"`
	Date        string      `json:"date"` // YYYY-MM-DD, the day it is held
	Place       string      `json:"place,omitempty"`
	Facilitator string      `json:"facilitator,omitempty"`
	Purpose     string      `json:"purpose,omitempty"`   // why personal data is kept
	Retention   string      `json:"retention,omitempty"` // YYYY-MM-DD after which it should be erased
	Language    string      `json:"language"`
	Notes       string      `json:"notes,omitempty"`
	DeckID      string      `json:"deck_id"`
	DeckEdition int         `json:"deck_edition"`
	Deck        *cards.Deck `json:"deck"`
	Updated     time.Time   `json:"updated_at"`
	Device      string      `json:"device,omitempty"` // the laptop that made the last edit
	Context     Context     `json:"context,omitempty"`
	// A deleted workshop travels as a tombstone (since file version 4), so
	// that a laptop merging the file deletes it too.
	Deleted   bool    `json:"deleted,omitempty"`
	DeletedBy Context `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}

// Team is a table of players.
type Team struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	NoteTaker string    `json:"note_taker,omitempty"`
	Position  int       `json:"position"`
	Updated   time.Time `json:"updated_at"`
	Device    string    `json:"device,omitempty"`
	Context   Context   `json:"context,omitempty"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedBy Context   `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}

// Participant is a person at a table, known by a pseudonym. A real name is
// optional and kept apart from everything else (see storage), so reports
// and exports leave it out unless asked.
type Participant struct {
	ID        string    `json:"id"`
	TeamID    string    `json:"team_id"`
	Pseudonym string    `json:"pseudonym"`
	Role      string    `json:"role,omitempty"`
	RealName  string    `json:"real_name,omitempty"`
	Updated   time.Time `json:"updated_at"`
	Device    string    `json:"device,omitempty"`
	Context   Context   `json:"context,omitempty"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedBy Context   `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}

// Path is a team's development path: routines that fit together, in order.
type Path struct {
	ID        string    `json:"id"`
	TeamID    string    `json:"team_id"`
	Name      string    `json:"name"`
	Position  int       `json:"position"`
	Updated   time.Time `json:"updated_at"`
	Device    string    `json:"device,omitempty"`
	Context   Context   `json:"context,omitempty"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedBy Context   `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}

// Play is a card a team laid on the board: a card of the deck (Code), or a
// blank card with the team's own routine written on it (Code of the blank
// card and Text). It lies in an area, optionally in a path at a position,
// with the customer's role and the interaction cards linked to it.
type Play struct {
	ID           string    `json:"id"`
	TeamID       string    `json:"team_id"`
	Code         string    `json:"code"`
	Text         string    `json:"text,omitempty"` // a blank card's own routine
	Area         string    `json:"area"`
	PathID       string    `json:"path_id,omitempty"`
	Position     int       `json:"position"`
	Role         string    `json:"role,omitempty"`         // code of a customer-role card
	Interactions []string  `json:"interactions,omitempty"` // codes of interaction cards
	Updated      time.Time `json:"updated_at"`
	Device       string    `json:"device,omitempty"`
	Context      Context   `json:"context,omitempty"`
	Deleted      bool      `json:"deleted,omitempty"`
	DeletedBy    Context   `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}

// RaterTeam marks a rating the team gave together; otherwise Rater is a
// participant's id (blind individual ratings).
const RaterTeam = "team"

// Rating is one value for one criterion of one play. Ratings are never
// changed: a new rating for the same play, criterion and rater replaces
// the older one (the newest counts), so a merge of two laptops' files keeps
// both records and agrees on which counts. Only whether it is deleted
// changes (undo); Updated and Device are of that change.
type Rating struct {
	ID        string    `json:"id"`
	PlayID    string    `json:"play_id"`
	Criterion string    `json:"criterion"`
	Value     int       `json:"value"`
	Rater     string    `json:"rater"`
	At        time.Time `json:"at"`
	Updated   time.Time `json:"updated_at"`
	Device    string    `json:"device,omitempty"`
	Context   Context   `json:"context,omitempty"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedBy Context   `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}

// Note kinds.
const (
	NoteIdea     = "idea"
	NoteConcern  = "concern"
	NoteDecision = "decision"
	NoteQuote    = "quote"
	NoteAction   = "action"
)

// NoteKinds lists the kinds in the order a screen offers them.
var NoteKinds = []string{NoteIdea, NoteConcern, NoteDecision, NoteQuote, NoteAction}

// Note is free text the note-taker wrote, of a kind, optionally about one play.
type Note struct {
	ID        string    `json:"id"`
	TeamID    string    `json:"team_id,omitempty"`
	PlayID    string    `json:"play_id,omitempty"`
	Kind      string    `json:"kind"`
	Text      string    `json:"text"`
	At        time.Time `json:"at"`
	Updated   time.Time `json:"updated_at"`
	Device    string    `json:"device,omitempty"`
	Context   Context   `json:"context,omitempty"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedBy Context   `json:"deleted_by,omitempty"` // the deletes no restore had seen; none: its own change
}
