package game

import (
	"fmt"
	"strings"
)

// What a new workshop proposes is written in the workshop's language, the
// language of its cards and its report, which need not be the interface's:
// a Swedish-speaking consultant runs a Finnish client's workshop in
// Finnish. Languages other than these fall back to English.
var proposals = map[string]struct{ table, purpose string }{
	"sv": {"Bord", "För att anteckna workshoppens val och bedömningar till kundens rapport."},
	"fi": {"Pöytä", "Työpajan valintojen ja arvioiden kirjaamiseen asiakkaan raporttia varten."},
	"en": {"Table", "To record the workshop's choices and ratings for the client's report."},
}

func proposalIn(language string) struct{ table, purpose string } {
	if p, ok := proposals[language]; ok {
		return p
	}
	return proposals["en"]
}

// ProposedTables are the names a new workshop proposes for its n tables,
// joined as the form writes them: "Pöytä 1, Pöytä 2, Pöytä 3".
func ProposedTables(language string, n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%s %d", proposalIn(language).table, i+1)
	}
	return strings.Join(names, ", ")
}

// ProposedPurpose is the purpose of the data a new workshop proposes.
func ProposedPurpose(language string) string { return proposalIn(language).purpose }

// HidingRatingsOf is the file without the ratings of one play: what may be
// shown of a workshop while a blind round on that play is not revealed.
func (f *File) HidingRatingsOf(playID string) *File {
	shown := *f
	shown.Ratings = nil
	for _, r := range f.Ratings {
		if r.PlayID != playID {
			shown.Ratings = append(shown.Ratings, r)
		}
	}
	return &shown
}
