package cards

import "slices"

// KeepLanguages narrows the deck to the languages in langs that it has, in
// the deck's order, with def as its default language (or the first kept
// one when def is not among them). Text in any other language is dropped
// from the cards, the description and the vocabulary, so a client's deck in
// Finnish alone asks for Finnish alone and holds nothing it would not print.
// It keeps the deck as it is when none of langs is one of its languages.
func (d *Deck) KeepLanguages(langs []string, def string) {
	var kept []string
	for _, l := range d.Languages {
		if slices.Contains(langs, l) {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return
	}
	d.Languages = kept
	if !slices.Contains(kept, def) {
		def = kept[0]
	}
	d.DefaultLang = def
	keep := func(t Text) {
		for l := range t {
			if !slices.Contains(kept, l) {
				delete(t, l)
			}
		}
	}
	keep(d.Description)
	for i := range d.CardTypes {
		keep(d.CardTypes[i].Name)
		keep(d.CardTypes[i].Back)
	}
	for _, terms := range [][]Term{d.Themes, d.Levels} {
		for i := range terms {
			keep(terms[i].Name)
		}
	}
	for i := range d.Board.Areas {
		keep(d.Board.Areas[i].Name)
		keep(d.Board.Areas[i].Question)
	}
	for i := range d.Criteria {
		keep(d.Criteria[i].Name)
	}
	for i := range d.Cards {
		keep(d.Cards[i].Title)
		keep(d.Cards[i].Body)
	}
}
