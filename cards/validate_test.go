package cards_test

import (
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
)

// smallDeck is a valid two-language deck of two cards, built in code so each
// case below can break exactly one thing.
func smallDeck() *cards.Deck {
	name := func(sv, fi string) cards.Text { return cards.Text{"sv": sv, "fi": fi} }
	return &cards.Deck{
		Name: "Testkortlek", Languages: []string{"sv", "fi"}, DefaultLang: "sv", Edition: 1,
		CardTypes: []cards.CardType{{Key: "routine", Name: name("Rutin", "Rutiini"), Colour: "#0F5E73", Prefix: "R"}},
		Themes:    []cards.Term{{Key: "governance", Name: name("Hantering", "Hallinta")}},
		Levels:    []cards.Term{{Key: "operative", Name: name("Operativ", "Operatiivinen")}},
		Board: cards.Board{Layout: "4k", Areas: []cards.Area{
			{Key: "collection", Name: name("Insamling", "Keruu"), Colour: "#2B6E2F"},
			{Key: "use", Name: name("Användning", "Käyttö"), Colour: "#1C4F9C"},
		}},
		Criteria: []cards.Criterion{{Key: "desirability", Name: name("Önskvärdhet", "Toivottavuus"),
			Perspective: cards.PerspectiveCustomer, Min: 1, Max: 5}},
		Cards: []cards.Card{
			{ID: "id-1", Code: "R01", Type: "routine", Theme: "governance", Area: "collection", Level: "operative",
				Copies: 1, Tags: []string{"panel"}, Title: name("Samla", "Kerää"), Body: name("Rad 1\nRad 2\tslut", "Rivi")},
			{ID: "id-2", Code: "R02", Type: "routine", Copies: 1, Title: name("Använd", "Käytä"), Body: cards.Text{}},
		},
	}
}

// wantCard is a wanted problem of Validate: the card's index (-1 for the deck), its
// code, the field, and a piece of the message.
type wantCard struct {
	index       int
	card, field string
	msg         string
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *cards.Deck)
		want   []wantCard
	}{
		{"valid deck", func(d *cards.Deck) {}, nil},
		// A note-taker types "r01" for R01, so the two cannot both exist.
		{"codes unique without case", func(d *cards.Deck) { d.Cards[1].Code = "r01" },
			[]wantCard{{1, "r01", "code", "already used"}}},
		{"no code", func(d *cards.Deck) { d.Cards[1].Code = "" }, []wantCard{{1, "", "code", "no code"}}},
		{"code with a space", func(d *cards.Deck) { d.Cards[1].Code = "R 2" }, []wantCard{{1, "R 2", "code", "may only hold"}}},
		{"code too long", func(d *cards.Deck) { d.Cards[1].Code = strings.Repeat("R", cards.MaxCodeLen+1) },
			[]wantCard{{1, strings.Repeat("R", cards.MaxCodeLen+1), "code", "longer than 12"}}},
		// An unknown deck language also leaves every card without a title in it.
		{"unknown language", func(d *cards.Deck) { d.Languages = append(d.Languages, "xx") }, []wantCard{
			{-1, "", "languages", `unknown language "xx"`},
			{0, "R01", "title_xx", "title in xx is empty"},
			{1, "R02", "title_xx", "title in xx is empty"},
		}},
		{"language twice", func(d *cards.Deck) { d.Languages = []string{"sv", "fi", "sv"} }, []wantCard{{-1, "", "languages", "listed twice"}}},
		{"default language not in the deck", func(d *cards.Deck) { d.DefaultLang = "en" },
			[]wantCard{{-1, "", "default_language", `"en" is not one of the deck's languages`}}},
		{"no name", func(d *cards.Deck) { d.Name = "  " }, []wantCard{{-1, "", "name", "no name"}}},
		{"name with spaces around", func(d *cards.Deck) { d.Name = " Kortlek" }, []wantCard{{-1, "", "name", "starts or ends with spaces"}}},
		{"edition zero", func(d *cards.Deck) { d.Edition = 0 }, []wantCard{{-1, "", "edition", "1 or more"}}},
		{"criterion scale empty", func(d *cards.Deck) { d.Criteria[0].Min = 5 }, []wantCard{{-1, "", "criteria", "scale 5–5"}}},
		{"criterion scale reversed", func(d *cards.Deck) { d.Criteria[0].Min, d.Criteria[0].Max = 5, 1 },
			[]wantCard{{-1, "", "criteria", "scale 5–1"}}},
		{"criterion perspective", func(d *cards.Deck) { d.Criteria[0].Perspective = "team" }, []wantCard{{-1, "", "criteria", `perspective "team"`}}},
		{"card type colour by name", func(d *cards.Deck) { d.CardTypes[0].Colour = "red" }, []wantCard{{-1, "", "card_types", `colour "red"`}}},
		{"area colour too short", func(d *cards.Deck) { d.Board.Areas[1].Colour = "#12345" }, []wantCard{{-1, "", "board", `colour "#12345"`}}},
		{"area colour not hex", func(d *cards.Deck) { d.Board.Areas[1].Colour = "#12345G" }, []wantCard{{-1, "", "board", `colour "#12345G"`}}},
		{"area key twice", func(d *cards.Deck) { d.Board.Areas[1].Key = "collection" }, []wantCard{{-1, "", "board", "defined twice"}}},
		{"theme key uppercase", func(d *cards.Deck) { d.Themes[0].Key = "Governance"; d.Cards[0].Theme = "Governance" },
			[]wantCard{{-1, "", "themes", `key "Governance"`}}},
		{"unknown theme, area and level", func(d *cards.Deck) { d.Cards[0].Theme, d.Cards[0].Area, d.Cards[0].Level = "x", "y", "z" }, []wantCard{
			{0, "R01", "theme", `unknown theme "x"`}, {0, "R01", "area", `unknown board area "y"`}, {0, "R01", "level", `unknown level "z"`},
		}},
		// A card may have text only in the deck's languages: text in another
		// language would never be shown, printed or exported to CSV.
		{"title in a language the deck lacks", func(d *cards.Deck) { d.Cards[1].Title["de"] = "Benutzen" },
			[]wantCard{{1, "R02", "title_de", `"de", which is not one of the deck's languages`}}},
		{"body in a language the deck lacks", func(d *cards.Deck) { d.Cards[1].Body["en"] = "Use" },
			[]wantCard{{1, "R02", "body_en", `"en", which is not one of the deck's languages`}}},
		{"empty text in another language is fine", func(d *cards.Deck) { d.Cards[1].Body["en"] = "" }, nil},
		// A title is one printed line: no line break, tab or other control
		// character. A body may hold line breaks and tabs (smallDeck has both).
		{"line break in a title", func(d *cards.Deck) { d.Cards[0].Title["fi"] = "Kerää\nvain" },
			[]wantCard{{0, "R01", "title_fi", "line break or control character"}}},
		{"tab in a title", func(d *cards.Deck) { d.Cards[0].Title["sv"] = "Samla\tbara" },
			[]wantCard{{0, "R01", "title_sv", "line break or control character"}}},
		{"bell in a body", func(d *cards.Deck) { d.Cards[0].Body["sv"] = "Rad\a" }, []wantCard{{0, "R01", "body_sv", "control character"}}},
		{"invalid UTF-8 in a title", func(d *cards.Deck) { d.Cards[0].Title["sv"] = "Gr\xe4ns" },
			[]wantCard{{0, "R01", "title_sv", "control character"}}},
		// Lengths count characters: 120 "ä" are 240 bytes but a valid title.
		{"title of MaxTitleLen characters", func(d *cards.Deck) { d.Cards[0].Title["sv"] = strings.Repeat("ä", cards.MaxTitleLen) }, nil},
		{"title one character too long", func(d *cards.Deck) { d.Cards[0].Title["sv"] = strings.Repeat("ä", cards.MaxTitleLen+1) },
			[]wantCard{{0, "R01", "title_sv", "longer than 120"}}},
		{"body too long", func(d *cards.Deck) { d.Cards[0].Body["fi"] = strings.Repeat("ö", cards.MaxBodyLen+1) },
			[]wantCard{{0, "R01", "body_fi", "longer than 1000"}}},
		{"copies too many", func(d *cards.Deck) { d.Cards[0].Copies = cards.MaxCopies + 1 }, []wantCard{{0, "R01", "copies", "not 1000"}}},
		{"bad tag", func(d *cards.Deck) { d.Cards[0].Tags = []string{"ok", "-bad"} }, []wantCard{{0, "R01", "tags", `tag "-bad"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := smallDeck()
			tt.change(d)
			err := cards.Validate(d)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			checkValidation(t, problemsOf(t, err), tt.want)
		})
	}
}

func checkValidation(t *testing.T, ps cards.Problems, ws []wantCard) {
	t.Helper()
	ok := len(ps) == len(ws)
	for i := 0; ok && i < len(ps); i++ {
		ok = ps[i].Index == ws[i].index && ps[i].Card == ws[i].card && ps[i].Field == ws[i].field &&
			strings.Contains(ps[i].Msg, ws[i].msg) && ps[i].Line == 0
	}
	if !ok {
		t.Errorf("problems:\n%swant %+v", dumpProblems(ps), ws)
	}
}

// The card editor checks one card before saving: the card may keep its own
// code, but not take another card's, whatever the case.
func TestValidateCard(t *testing.T) {
	tests := []struct {
		name string
		card cards.Card
		want []wantCard
	}{
		{"edited card keeps its code", cards.Card{ID: "id-1", Code: "R01", Type: "routine", Copies: 1,
			Title: cards.Text{"sv": "Ny titel", "fi": "Uusi otsikko"}}, nil},
		{"edited card takes another's code", cards.Card{ID: "id-1", Code: "r02", Type: "routine", Copies: 1,
			Title: cards.Text{"sv": "Ny", "fi": "Uusi"}}, []wantCard{{-1, "r02", "code", "already used by another card"}}},
		{"new card with a free code", cards.Card{Code: "R03", Type: "routine", Copies: 1,
			Title: cards.Text{"sv": "Ny", "fi": "Uusi"}}, nil},
		{"new card with a taken code", cards.Card{Code: "R01", Type: "routine", Copies: 1,
			Title: cards.Text{"sv": "Ny", "fi": "Uusi"}}, []wantCard{{-1, "R01", "code", "already used by another card"}}},
		{"new card with an unknown type and no Finnish title", cards.Card{Code: "R03", Type: "rutin", Copies: 1,
			Title: cards.Text{"sv": "Ny"}}, []wantCard{{-1, "R03", "type", `unknown card type "rutin"`}, {-1, "R03", "title_fi", "empty"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := cards.ValidateCard(smallDeck(), tt.card)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ValidateCard: %v", err)
				}
				return
			}
			checkValidation(t, problemsOf(t, err), tt.want)
		})
	}
}

func TestNextCode(t *testing.T) {
	d := defaultDeck(t)
	tests := []struct{ typ, want string }{
		{"routine", "R41"}, // the default deck has R01–R40
		{"interaction", "I13"},
		{"role", "C07"},
		{"blank", "B05"},
		{"no-such-type", "X01"},
	}
	for _, tt := range tests {
		if got := d.NextCode(tt.typ); got != tt.want {
			t.Errorf("NextCode(%q) = %q, want %q", tt.typ, got, tt.want)
		}
	}
	// Codes are matched without case, so a card typed as "r41" takes R41.
	d.Cards = append(d.Cards, cards.Card{Code: "r41", Type: "routine"})
	if got := d.NextCode("routine"); got != "R42" {
		t.Errorf("NextCode after r41 = %q, want R42", got)
	}
}

// Clone must share nothing with the original: a client variant of the
// default deck is edited freely and the default deck must not change.
func TestCloneIsDeep(t *testing.T) {
	orig, pristine := defaultDeck(t), defaultDeck(t)
	c := orig.Clone()
	if !reflect.DeepEqual(c, orig) {
		t.Fatal("a clone differs from its original")
	}
	c.Cards[0].Title["fi"] = "muutettu"
	c.Cards[0].Body["sv"] = "ändrad"
	c.Cards[0].Tags[0] = "changed"
	c.Cards[1].Tags = append(c.Cards[1].Tags[:0], "x")
	c.Cards[2].Code = "Z99"
	c.Board.Areas[0].Name["sv"] = "Ändrad"
	c.Board.Areas[1].Question["en"] = "Changed?"
	c.Board.Areas[2].Colour = "#000000"
	c.CardTypes[0].Name["fi"] = "muutettu"
	c.CardTypes[0].Back["en"] = "changed"
	c.Themes[0].Name["en"] = "changed"
	c.Levels[0].Name["en"] = "changed"
	c.Criteria[0].Name["sv"] = "ändrad"
	c.Languages[0] = "da"
	c.Description["fi"] = "muutettu"
	if !reflect.DeepEqual(orig, pristine) {
		diffDecks(t, orig, pristine)
	}
	tpl := orig.Template()
	if tpl.Cards != nil || tpl.ID != "" || tpl.Edition != 1 || !reflect.DeepEqual(tpl.Board, orig.Board) {
		t.Errorf("Template() = %d cards, id %q, edition %d", len(tpl.Cards), tpl.ID, tpl.Edition)
	}
}

func TestLanguages(t *testing.T) {
	for _, tt := range []struct {
		code string
		ok   bool
		name string
	}{{"sv", true, "Svenska"}, {"fi", true, "Suomi"}, {"en", true, "English"}, {"xx", false, "xx"}, {"SV", false, "SV"}} {
		if cards.KnownLanguage(tt.code) != tt.ok || cards.LanguageName(tt.code) != tt.name {
			t.Errorf("%s: known %v name %q", tt.code, cards.KnownLanguage(tt.code), cards.LanguageName(tt.code))
		}
	}
	d := smallDeck()
	if d.Lang("fi") != "fi" || d.Lang("en") != "sv" {
		t.Errorf("Lang(fi) = %q, Lang(en) = %q", d.Lang("fi"), d.Lang("en"))
	}
	if got := (cards.Text{"fi": "Keruu", "en": ""}).Or("en", "sv", "fi"); got != "Keruu" {
		t.Errorf("Or fell back to %q, want Keruu", got)
	}
}

// A code typed loosely finds its card: any case, the number without its
// leading zeros or with more; a code that fits two cards finds none.
func TestCardTypedFindsTheCardMeant(t *testing.T) {
	d := &cards.Deck{Cards: []cards.Card{{Code: "R07"}, {Code: "I03"}, {Code: "X1"}, {Code: "X01"}}}
	for _, c := range []struct {
		typed string
		want  int
	}{{"R07", 0}, {"r07", 0}, {"r7", 0}, {"R007", 0}, {" r7 ", 0}, {"i3", 1}, {"R8", -1}, {"R", -1}, {"7", -1}, {"x1", 2}, {"x001", -1}} {
		if got := d.CardTyped(c.typed); got != c.want {
			t.Errorf("CardTyped(%q) = %d, want %d", c.typed, got, c.want)
		}
	}
}
