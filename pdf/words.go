package pdf

// The few words printed that are not the deck's own (the deck names its
// types, areas, levels and criteria), in the languages Deckhand speaks.
// Other languages fall back to English.
var printWords = map[string]map[string]string{
	"edition": {"sv": "upplaga", "fi": "painos", "en": "edition"},
	"actual":  {"sv": "Skriv ut i 100 % (verklig storlek)", "fi": "Tulosta 100 % koossa (todellinen koko)", "en": "Print at 100 % (actual size)"},
	"page":    {"sv": "sida", "fi": "sivu", "en": "page"},
	"blank":   {"sv": "Eget kort", "fi": "Oma kortti", "en": "Your own card"},
	"table":   {"sv": "Bord", "fi": "Pöytä", "en": "Table"},
}

// word returns a printed word in lang.
func printWord(key, lang string) string {
	if w, ok := printWords[key][lang]; ok {
		return w
	}
	return printWords[key]["en"]
}
