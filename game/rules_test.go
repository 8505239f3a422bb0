package game_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// defaultDeck reads the embedded default deck afresh, so a test may change
// the deck it gets without touching any other test's copy.
func defaultDeck(tb testing.TB) *cards.Deck {
	tb.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		tb.Fatalf("default deck does not load: %v", err)
	}
	return d
}

// newWorkshop is a valid workshop played with the default deck, in Swedish.
func newWorkshop(tb testing.TB) *game.Workshop {
	tb.Helper()
	return &game.Workshop{
		ID:          "w1",
		Title:       "Kundservice och data",
		Date:        "2026-03-12",
		Retention:   "2026-12-31",
		Language:    "sv",
		DeckEdition: 1,
		Deck:        defaultDeck(tb),
	}
}

// wantErr fails unless err agrees with want: "" for no error, otherwise a
// substring of the message of an error that wraps game.ErrRule.
func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("got error %q, want none", err)
	case want == "":
	case err == nil:
		t.Fatalf("got no error, want one with %q", want)
	case !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not say %q", err, want)
	case !errors.Is(err, game.ErrRule):
		t.Fatalf("error %q does not wrap ErrRule", err)
	}
}

func TestCheckPlay(t *testing.T) {
	w := newWorkshop(t)
	long := strings.Repeat("ä", game.MaxTextLen+1)
	tests := []struct {
		name string
		play game.Play
		want game.Play // the play as CheckPlay returns it, when valid
		err  string
	}{
		{
			name: "a routine card in its own area",
			play: game.Play{Code: "R01", Area: "collection"},
			want: game.Play{Code: "R01", Area: "collection"},
		},
		{
			name: "a routine card in another area",
			play: game.Play{Code: "R01", Area: "development", Position: 3},
			want: game.Play{Code: "R01", Area: "development", Position: 3},
		},
		{
			name: "codes are written as the deck writes them",
			play: game.Play{Code: " r07 ", Area: "development", Role: "c02", Interactions: []string{"i01", "I03"}},
			want: game.Play{Code: "R07", Area: "development", Role: "C02", Interactions: []string{"I01", "I03"}},
		},
		{
			name: "interactions linked twice count once, in their first order",
			play: game.Play{Code: "R11", Area: "use", Interactions: []string{"I04", "i02", "i04", "I02", "I04"}},
			want: game.Play{Code: "R11", Area: "use", Interactions: []string{"I04", "I02"}},
		},
		{
			name: "no interactions is nil",
			play: game.Play{Code: "R11", Area: "use", Interactions: []string{}},
			want: game.Play{Code: "R11", Area: "use"},
		},
		{
			name: "a blank card with the team's own text, trimmed",
			play: game.Play{Code: "b01", Text: "  Egen rutin om kundtjänstens anteckningar \n", Area: "use"},
			want: game.Play{Code: "B01", Text: "Egen rutin om kundtjänstens anteckningar", Area: "use"},
		},
		{
			name: "a blank card's text at the limit",
			play: game.Play{Code: "B02", Text: long[2:], Area: "use"},
			want: game.Play{Code: "B02", Text: long[2:], Area: "use"},
		},
		{name: "a blank card needs text", play: game.Play{Code: "B01", Area: "use"}, err: "write the team's own routine on blank card B01"},
		{name: "a blank card's spaces are no text", play: game.Play{Code: "B01", Text: " \t\n", Area: "use"}, err: "write the team's own routine"},
		{name: "a blank card's text too long", play: game.Play{Code: "B01", Text: long, Area: "use"}, err: "longer than 2000 characters"},
		{name: "an interaction card is not laid on the board", play: game.Play{Code: "I01", Area: "use"}, err: "card I01 is not a routine card"},
		{name: "a role card is not laid on the board", play: game.Play{Code: "c01", Area: "use"}, err: "card C01 is not a routine card"},
		{name: "an unknown card", play: game.Play{Code: "R99", Area: "use"}, err: `there is no card "R99"`},
		{name: "no card", play: game.Play{Area: "use"}, err: `there is no card ""`},
		{name: "an unknown area", play: game.Play{Code: "R01", Area: "kitchen"}, err: `the board has no area "kitchen"`},
		{name: "areas are keys, not names", play: game.Play{Code: "R01", Area: "Collection"}, err: `no area "Collection"`},
		{name: "no area", play: game.Play{Code: "R01"}, err: `no area ""`},
		{name: "the role must be a role card", play: game.Play{Code: "R01", Area: "use", Role: "R02"}, err: `"R02" is not a customer-role card`},
		{name: "the role must be a card of the deck", play: game.Play{Code: "R01", Area: "use", Role: "C99"}, err: `"C99" is not a customer-role card`},
		{name: "interactions must be interaction cards", play: game.Play{Code: "R01", Area: "use", Interactions: []string{"I01", "C01"}}, err: `"C01" is not an interaction card`},
		{name: "interactions must be cards of the deck", play: game.Play{Code: "R01", Area: "use", Interactions: []string{"I13"}}, err: `"I13" is not an interaction card`},
		{name: "a negative position", play: game.Play{Code: "R01", Area: "use", Position: -1}, err: "cannot be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := w.CheckPlay(tt.play)
			wantErr(t, err, tt.err)
			if tt.err == "" && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckPlay returned %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCheckRating(t *testing.T) {
	w := newWorkshop(t)
	tests := []struct {
		name   string
		rating game.Rating
		err    string
	}{
		{"the scale's minimum", game.Rating{Criterion: "desirability", Value: 1, Rater: game.RaterTeam}, ""},
		{"the scale's maximum", game.Rating{Criterion: "feasibility", Value: 5, Rater: game.RaterTeam}, ""},
		{"a participant's rating", game.Rating{Criterion: "usability", Value: 3, Rater: "p1"}, ""},
		{"below the scale", game.Rating{Criterion: "desirability", Value: 0, Rater: game.RaterTeam}, "Önskvärdhet is rated from 1 to 5, not 0"},
		{"above the scale", game.Rating{Criterion: "profitability", Value: 6, Rater: game.RaterTeam}, "Lönsamhet is rated from 1 to 5, not 6"},
		{"far outside", game.Rating{Criterion: "usability", Value: -40, Rater: game.RaterTeam}, "not -40"},
		{"an unknown criterion", game.Rating{Criterion: "beauty", Value: 3, Rater: game.RaterTeam}, `the deck has no criterion "beauty"`},
		{"criteria are keys, not names", game.Rating{Criterion: "Desirability", Value: 3, Rater: game.RaterTeam}, `no criterion "Desirability"`},
		{"no rater", game.Rating{Criterion: "desirability", Value: 3}, "a rating needs a rater"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, w.CheckRating(tt.rating), tt.err)
		})
	}

	// A criterion's name comes in the workshop's language.
	w.Language = "en"
	wantErr(t, w.CheckRating(game.Rating{Criterion: "desirability", Value: 9, Rater: game.RaterTeam}), "Desirability is rated from 1 to 5, not 9")

	// A deck with its own scale.
	w.Deck.Criteria[0].Min, w.Deck.Criteria[0].Max = 0, 10
	wantErr(t, w.CheckRating(game.Rating{Criterion: "desirability", Value: 0, Rater: game.RaterTeam}), "")
	wantErr(t, w.CheckRating(game.Rating{Criterion: "desirability", Value: 10, Rater: game.RaterTeam}), "")
	wantErr(t, w.CheckRating(game.Rating{Criterion: "desirability", Value: 11, Rater: game.RaterTeam}), "from 0 to 10, not 11")
}

func TestCheckNote(t *testing.T) {
	tests := []struct {
		name string
		note game.Note
		err  string
	}{
		{"an idea", game.Note{Kind: game.NoteIdea, Text: "Fråga kundpanelen."}, ""},
		{"a concern", game.Note{Kind: game.NoteConcern, Text: "Vem äger förteckningen?"}, ""},
		{"a decision", game.Note{Kind: game.NoteDecision, Text: "Vi börjar med R01."}, ""},
		{"a quote", game.Note{Kind: game.NoteQuote, Text: "”Vi har alltid gjort så.”"}, ""},
		{"an action", game.Note{Kind: game.NoteAction, Text: "Boka ett möte."}, ""},
		{"at the length limit, counted in characters", game.Note{Kind: game.NoteIdea, Text: strings.Repeat("ö", game.MaxTextLen)}, ""},
		{"an unknown kind", game.Note{Kind: "todo", Text: "x"}, `unknown kind of note "todo"; use idea, concern, decision, quote, action`},
		{"kinds are exact", game.Note{Kind: "Idea", Text: "x"}, `unknown kind of note "Idea"`},
		{"no kind", game.Note{Text: "x"}, `unknown kind of note ""`},
		{"empty", game.Note{Kind: game.NoteIdea}, "the note is empty"},
		{"only spaces", game.Note{Kind: game.NoteIdea, Text: " \n\t "}, "the note is empty"},
		{"too long", game.Note{Kind: game.NoteIdea, Text: strings.Repeat("ö", game.MaxTextLen+1)}, "longer than 2000 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, game.CheckNote(tt.note), tt.err)
		})
	}
	if len(game.NoteKinds) != 5 {
		t.Errorf("NoteKinds = %v, want the five kinds", game.NoteKinds)
	}
}

func TestCheckWorkshop(t *testing.T) {
	tests := []struct {
		name   string
		change func(w *game.Workshop)
		err    string
	}{
		{"complete", func(w *game.Workshop) {}, ""},
		{"no retention date", func(w *game.Workshop) { w.Retention = "" }, ""},
		{"retention on the day itself", func(w *game.Workshop) { w.Retention = w.Date }, ""},
		{"a leap day", func(w *game.Workshop) { w.Date, w.Retention = "2028-02-29", "" }, ""},
		{"no title", func(w *game.Workshop) { w.Title = "  " }, "the workshop has no title"},
		{"a long title", func(w *game.Workshop) { w.Title = strings.Repeat("å", game.MaxTitleLen+1) }, "longer than 120 characters"},
		{"no deck", func(w *game.Workshop) { w.Deck = nil }, "no deck to play with"},
		{"a deck without cards", func(w *game.Workshop) { w.Deck.Cards = nil }, "no deck to play with"},
		{"no date", func(w *game.Workshop) { w.Date = "" }, `the date "" is not a date like 2026-03-14`},
		{"a date without leading zeros", func(w *game.Workshop) { w.Date = "2026-3-12" }, `the date "2026-3-12" is not a date`},
		{"a date written the Nordic way", func(w *game.Workshop) { w.Date = "12.3.2026" }, `the date "12.3.2026" is not a date`},
		{"a date that does not exist", func(w *game.Workshop) { w.Date = "2026-02-29" }, `the date "2026-02-29" is not a date`},
		{"a date with a time", func(w *game.Workshop) { w.Date = "2026-03-12T10:00" }, "is not a date"},
		{"a bad retention date", func(w *game.Workshop) { w.Retention = "2026-13-01" }, `the retention date "2026-13-01" is not a date like 2026-12-31`},
		{"retention before the workshop", func(w *game.Workshop) { w.Retention = "2026-03-11" }, "the retention date is before the workshop"},
		{"a language the deck does not have", func(w *game.Workshop) { w.Language = "de" }, `the deck has no texts in "de"`},
		{"no language", func(w *game.Workshop) { w.Language = "" }, `no texts in ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkshop(t)
			tt.change(w)
			wantErr(t, game.CheckWorkshop(w), tt.err)
		})
	}
}

func TestCheckName(t *testing.T) {
	wantErr(t, game.CheckName("team", "Bord 1"), "")
	wantErr(t, game.CheckName("team", strings.Repeat("ä", game.MaxTitleLen)), "")
	wantErr(t, game.CheckName("team", ""), "the table has no name")
	wantErr(t, game.CheckName("path", " \t"), "the path has no name")
	wantErr(t, game.CheckName("path", strings.Repeat("ä", game.MaxTitleLen+1)), "the path's name is longer than 120 characters")
}

func TestRetentionPassed(t *testing.T) {
	day := func(s string) time.Time {
		t.Helper()
		d, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		retention, today string
		want             bool
	}{
		{"2026-12-31", "2026-03-12T10:00:00Z", false},
		{"2026-12-31", "2026-12-30T23:59:59Z", false},
		{"2026-12-31", "2026-12-31T00:00:00Z", false}, // the last day is still kept
		{"2026-12-31", "2026-12-31T23:59:59.999999999Z", false},
		{"2026-12-31", "2027-01-01T00:00:00Z", true},
		{"2026-12-31", "2027-06-01T12:00:00Z", true},
		{"", "2099-01-01T00:00:00Z", false},           // no retention date: never
		{"31.12.2026", "2099-01-01T00:00:00Z", false}, // unreadable: no reminder rather than a wrong one
	}
	for _, tt := range tests {
		w := &game.Workshop{Retention: tt.retention}
		if got := w.RetentionPassed(day(tt.today)); got != tt.want {
			t.Errorf("retention %q on %s: RetentionPassed = %v, want %v", tt.retention, tt.today, got, tt.want)
		}
	}
}

func TestBoardOf(t *testing.T) {
	plays := []game.Play{
		{ID: "p5", TeamID: "t1", Code: "R05", Area: "use", Position: 2},
		{ID: "p1", TeamID: "t1", Code: "R01", Area: "collection", Position: 1},
		{ID: "p9", TeamID: "t2", Code: "R09", Area: "collection", Position: 0},
		{ID: "p2", TeamID: "t1", Code: "R02", Area: "collection", Position: 0},
		{ID: "p4", TeamID: "t1", Code: "R04", Area: "use", Position: 0},
		{ID: "p3", TeamID: "t1", Code: "R03", Area: "use", Position: 0}, // same position as p4: by id
		{ID: "p6", TeamID: "t1", Code: "R06", Area: "use", Position: 7, Deleted: true},
		{ID: "p7", TeamID: "t1", Code: "R07", Area: "development", Position: 0, Deleted: true},
	}
	b := game.BoardOf(plays, "t1")
	codes := func(area string) string {
		var out []string
		for _, p := range b[area] {
			out = append(out, p.Code)
		}
		return strings.Join(out, " ")
	}
	if got := codes("collection"); got != "R02 R01" {
		t.Errorf("collection = %q, want R02 R01", got)
	}
	if got := codes("use"); got != "R03 R04 R05" {
		t.Errorf("use = %q, want R03 R04 R05 (equal positions by id, deleted left out)", got)
	}
	if _, ok := b["development"]; ok {
		t.Errorf("an area with only deleted plays is on the board: %v", b["development"])
	}
	if len(b) != 2 {
		t.Errorf("board has areas %v, want collection and use", b)
	}
	for _, tt := range []struct {
		area string
		want int
	}{
		{"collection", 2},
		{"use", 3},         // after position 2; the deleted play at 7 does not count
		{"development", 0}, // empty
		{"communication", 0},
	} {
		if got := b.NextPosition(tt.area); got != tt.want {
			t.Errorf("NextPosition(%s) = %d, want %d", tt.area, got, tt.want)
		}
	}
	// Gaps are kept: the next card goes after the last, not into a gap.
	gappy := game.BoardOf([]game.Play{{ID: "a", TeamID: "t", Area: "use", Position: 0}, {ID: "b", TeamID: "t", Area: "use", Position: 5}}, "t")
	if got := gappy.NextPosition("use"); got != 6 {
		t.Errorf("NextPosition after 0 and 5 = %d, want 6", got)
	}
	if got := game.BoardOf(plays, "nobody"); len(got) != 0 {
		t.Errorf("board of an unknown team = %v, want empty", got)
	}
}

func TestCurrent(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2026, 3, 12, 10, min, 0, 0, time.UTC) }
	ratings := []game.Rating{
		{ID: "r1", PlayID: "p1", Criterion: "desirability", Value: 2, Rater: game.RaterTeam, At: at(0)},
		{ID: "r2", PlayID: "p1", Criterion: "desirability", Value: 4, Rater: game.RaterTeam, At: at(5)}, // newer: counts
		{ID: "r3", PlayID: "p1", Criterion: "desirability", Value: 1, Rater: game.RaterTeam, At: at(3)}, // older, listed later
		{ID: "r4", PlayID: "p1", Criterion: "feasibility", Value: 5, Rater: game.RaterTeam, At: at(9), Deleted: true},
		{ID: "r5", PlayID: "p1", Criterion: "feasibility", Value: 3, Rater: game.RaterTeam, At: at(1)}, // the newest live one
		{ID: "r7", PlayID: "p1", Criterion: "usability", Value: 2, Rater: game.RaterTeam, At: at(4)},
		{ID: "r6", PlayID: "p1", Criterion: "usability", Value: 5, Rater: game.RaterTeam, At: at(4)},
		{ID: "r8", PlayID: "p1", Criterion: "usability", Value: 1, Rater: game.RaterTeam, At: at(4)},      // same time: the highest id counts
		{ID: "r9", PlayID: "p1", Criterion: "desirability", Value: 5, Rater: "participant-1", At: at(30)}, // another rater
		{ID: "ra", PlayID: "p2", Criterion: "desirability", Value: 5, Rater: game.RaterTeam, At: at(30)},  // another play
		{ID: "rb", PlayID: "p1", Criterion: "profitability", Value: 2, Rater: game.RaterTeam, At: at(2), Deleted: true},
	}
	got := game.Current(ratings, "p1", game.RaterTeam)
	want := map[string]string{"desirability": "r2", "feasibility": "r5", "usability": "r8"}
	if len(got) != len(want) {
		t.Errorf("Current has criteria %v, want %v (a deleted rating does not count)", got, want)
	}
	for crit, id := range want {
		if got[crit].ID != id {
			t.Errorf("Current[%s] = %s, want %s", crit, got[crit].ID, id)
		}
	}
	// The order of the list does not matter.
	reversed := make([]game.Rating, len(ratings))
	for i, r := range ratings {
		reversed[len(ratings)-1-i] = r
	}
	if again := game.Current(reversed, "p1", game.RaterTeam); !reflect.DeepEqual(again, got) {
		t.Errorf("Current of the reversed list = %v, want %v", again, got)
	}
	if p := game.Current(ratings, "p1", "participant-1"); len(p) != 1 || p["desirability"].Value != 5 {
		t.Errorf("a participant's ratings = %v", p)
	}
	if none := game.Current(ratings, "p3", game.RaterTeam); len(none) != 0 {
		t.Errorf("ratings of an unrated play = %v, want none", none)
	}
}
