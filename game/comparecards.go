package game

// WorkshopCards is what a comparison across workshops (CompareCards) needs
// of one workshop, and no more: the fields a Filter looks at, the live
// plays of live teams in ranked order with their scores, and the title of
// each card code played as its deck snapshot has it. It is small beside
// the workshop's file, so that thousands of workshops can be compared
// again in memory whenever a filter changes.
type WorkshopCards struct {
	ID, Client, Sector, Date string
	Plays                    []CardPlay
	titles                   map[string]string // by code, as Compare names cards
}

// CardPlay is one play in WorkshopCards: its card's code, whether it is
// rated from both perspectives (PlayResult.Rated) and the two means.
type CardPlay struct {
	Code                   string
	Rated                  bool
	Customer, Organisation float64
}

// CardsOf is the workshop's cards for CompareCards, from its Results.
func CardsOf(f *File) WorkshopCards { return CardsFrom(Results(f)) }

// CardsFrom is CardsOf from the workshop's Results computed already.
func CardsFrom(r *WorkshopResults) WorkshopCards {
	w := &r.Workshop
	plays := r.Plays
	out := WorkshopCards{ID: w.ID, Client: w.Client, Sector: w.Sector, Date: w.Date,
		Plays: make([]CardPlay, len(plays)), titles: map[string]string{}}
	for i, p := range plays {
		out.Plays[i] = CardPlay{Code: p.Play.Code, Rated: p.Rated(), Customer: p.Customer.Mean, Organisation: p.Organisation.Mean}
		if _, ok := out.titles[p.Play.Code]; !ok {
			out.titles[p.Play.Code] = cardTitle(w, p.Play.Code)
		}
	}
	return out
}

// cardTitle is a card's title in the workshop's language from its deck
// snapshot (a blank card's too, not a team's own text), else its code.
func cardTitle(w *Workshop, code string) string {
	if w.Deck != nil {
		if c, ok := w.Card(code); ok {
			return firstNonEmpty(c.Title.Or(w.Language, w.Deck.DefaultLang), code)
		}
	}
	return code
}
