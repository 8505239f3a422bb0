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
	for _, c := range []struct {
		n         int
		one, many string
	}{
		{len(cards), lang.L("1 card"), lang.L("%d cards")},
		{notes, lang.L("1 note"), lang.L("%d notes")},
		{len(s.participantsOf(teamID)), lang.L("1 participant"), lang.L("%d participants")},
	} {
		if c.n > 0 {
			parts = append(parts, kit.Counted(c.n, c.one, c.many))
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
