package workbook

import (
	"cmp"
	"strconv"
	"strings"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
)

// ratingWords says the Ratings sheet's keys as people read them, in the
// workbook's language: the results CSV keeps the deck's keys ("routine",
// "collection", "desirability") and "team" for a table's own rating, for
// a program to read; the workbook names them as the deck and the app do.
type ratingNames struct {
	lang, deckLang string
	d              *cards.Deck
	numbered       bool // raters are "participant 1", not pseudonyms
}

// The Ratings sheet's raters that are no participant's pseudonym.
var (
	wordTheTable           = message.Word("The table")
	wordRemovedParticipant = message.Word("Removed participant")
)

func participantNumber(n int) message.Message { return message.Say("Participant %d", n) }

// name is the value v of the CSV's column named column, as the workbook
// shows it.
func (n ratingNames) name(column, v string) string {
	d := n.d
	if d == nil {
		d = &cards.Deck{}
	}
	var name cards.Text // of the deck's term v
	found := false
	switch column {
	case "type":
		var t cards.CardType
		t, found = d.CardType(v)
		name = t.Name
	case "theme", "level":
		var t cards.Term
		if column == "theme" {
			t, found = d.Theme(v)
		} else {
			t, found = d.Level(v)
		}
		name = t.Name
	case "area":
		var a cards.Area
		a, found = d.Area(v)
		name = a.Name
	}
	if s := name.Or(n.deckLang, d.DefaultLang); found && s != "" {
		return s
	}
	switch column {
	case "criterion":
		for _, c := range d.Criteria {
			if c.Key == v {
				return cmp.Or(c.Name.Or(n.deckLang, d.DefaultLang), v)
			}
		}
	case "perspective":
		switch v {
		case game.AxisCustomer:
			return say(n.lang, wordCustomer)
		case game.AxisOrganisation:
			return say(n.lang, wordOrganisation)
		}
	case "rater":
		switch v {
		case game.RaterTeam:
			return say(n.lang, wordTheTable)
		case "removed participant":
			return say(n.lang, wordRemovedParticipant)
		}
		if rest, ok := strings.CutPrefix(v, "participant "); ok && n.numbered {
			if i, err := strconv.Atoi(rest); err == nil {
				return say(n.lang, participantNumber(i))
			}
		}
	}
	return v
}
