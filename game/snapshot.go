package game

import (
	"encoding/json"
	"reflect"
	"strings"

	"deckhand/cards"
	"deckhand/message"
)

// SnapshotDifference says how the deck snapshot of a workshop file differs
// from the snapshot stored for the workshop with the same id, in a phrase
// for the sentence that refuses the merge; it reports false when they are
// the same deck. A workshop's snapshot never changes once it is played, so
// every true file of it carries the same one; a file whose snapshot holds
// another card or another rating scale is a different workshop under a
// reused id (a copied file edited by hand, say), and merging it would put
// plays and ratings into a workshop whose deck cannot hold them. Ids and
// the parent deck are left out of the comparison: they are the database's,
// not the deck's content.
func SnapshotDifference(stored, file *cards.Deck) (message.Message, bool) {
	if stored == nil || file == nil {
		if stored == file {
			return message.Message{}, false
		}
		return message.Say("one of them has no deck"), true
	}
	s, f := canonical(stored), canonical(file)
	storedCards := map[string]cards.Card{}
	for _, c := range s.Cards {
		storedCards[strings.ToUpper(c.Code)] = c
	}
	fileCodes := map[string]bool{}
	for _, c := range f.Cards {
		key := strings.ToUpper(c.Code)
		fileCodes[key] = true
		old, ok := storedCards[key]
		switch {
		case !ok:
			return message.Say("card %s is in the file's deck but not in the stored one", c.Code), true
		case !reflect.DeepEqual(old, c):
			return message.Say("card %s is not the same in the two decks", c.Code), true
		}
	}
	for _, c := range s.Cards {
		if !fileCodes[strings.ToUpper(c.Code)] {
			return message.Say("card %s is in the stored deck but not in the file's", c.Code), true
		}
	}
	storedCriteria := map[string]cards.Criterion{}
	for _, c := range s.Criteria {
		storedCriteria[c.Key] = c
	}
	for _, c := range f.Criteria {
		old, ok := storedCriteria[c.Key]
		switch {
		case !ok:
			return message.Say("criterion %s is in the file's deck but not in the stored one", c.Key), true
		case old.Min != c.Min || old.Max != c.Max:
			return message.Say("criterion %s is rated %d–%d in the file but %d–%d here", c.Key, c.Min, c.Max, old.Min, old.Max), true
		case !reflect.DeepEqual(old, c):
			return message.Say("criterion %s is not the same in the two decks", c.Key), true
		}
		delete(storedCriteria, c.Key)
	}
	for _, c := range s.Criteria {
		if _, left := storedCriteria[c.Key]; left {
			return message.Say("criterion %s is in the stored deck but not in the file's", c.Key), true
		}
	}
	s.Cards, f.Cards, s.Criteria, f.Criteria = nil, nil, nil, nil
	a, errA := json.Marshal(s)
	b, errB := json.Marshal(f)
	if errA != nil || errB != nil || string(a) != string(b) {
		return message.Say("their names, languages, card types or boards differ"), true
	}
	return message.Message{}, false
}

// canonical is a copy of d as its content alone: without ids, normalised,
// and with no difference between an empty list and none.
func canonical(d *cards.Deck) *cards.Deck {
	c := d.Clone()
	c.ID, c.Parent = "", ""
	for i := range c.Cards {
		c.Cards[i].ID = ""
	}
	c.Normalize()
	c.Languages = notNil(c.Languages)
	c.CardTypes = notNil(c.CardTypes)
	c.Themes = notNil(c.Themes)
	c.Levels = notNil(c.Levels)
	c.Board.Areas = notNil(c.Board.Areas)
	if len(c.Description) == 0 {
		c.Description = nil
	}
	return c
}
