package workshop

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"deckhand/ui/kit"
)

// goesWithTable says what goes with a table when it is removed, counted:
// its cards, the notes on them and its own, and its participants; "" when
// nothing does.
func (s *Screen) goesWithTable(teamID string) string {
	cards := map[string]bool{}
	for _, p := range s.Session.Plays {
		if p.TeamID == teamID && !p.Deleted {
			cards[p.ID] = true
		}
	}
	notes := 0
	for _, n := range s.Session.Notes {
		if (n.TeamID == teamID && n.PlayID == "") || cards[n.PlayID] {
			notes++
		}
	}
	var parts []string
	people := len(s.participantsOf(teamID))
	for _, c := range []struct {
		n    int
		text string
	}{
		{len(cards), kit.Count(len(cards), "%d card", "%d cards", len(cards))},
		{notes, kit.Count(notes, "%d note", "%d notes", notes)},
		{people, kit.Count(people, "%d participant", "%d participants", people)},
	} {
		if c.n > 0 {
			parts = append(parts, c.text)
		}
	}
	return andList(parts)
}

// andList joins phrases as a sentence lists them: "a, b and c".
func andList(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return fmt.Sprintf(lang.L("%s and %s"), strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1])
}
