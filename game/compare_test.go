package game_test

import (
	"testing"

	"deckhand/game"
)

// compareFiles are three hand-made workshops: two for Acme in trade
// (January in Swedish, February in English) and one for a bank in March.
func compareFiles(t *testing.T) []*game.File {
	w1 := newBuilder(t)
	w1.f.Workshop.ID, w1.f.Workshop.Client, w1.f.Workshop.Sector, w1.f.Workshop.Date = "w1", "Acme", "Handel", "2026-01-10"
	w1.play("a", "t1", "R01", "collection")
	w1.rateAll("a", game.RaterTeam, 5, 5, 4, 4) // customer 5, organisation 4
	w1.play("b", "t2", "R01", "use")
	w1.rateAll("b", game.RaterTeam, 3, 3, 2, 2) // customer 3, organisation 2
	w1.play("c", "t2", "R02", "use")            // unrated
	w1.play("gone", "t1", "R03", "use").Deleted = true

	w2 := newBuilder(t)
	w2.f.Workshop.ID, w2.f.Workshop.Client, w2.f.Workshop.Sector, w2.f.Workshop.Date = "w2", "ACME ", "handel", "2026-02-01"
	w2.f.Workshop.Language = "en"
	w2.play("d", "t1", "R01", "collection")
	w2.rateAll("d", game.RaterTeam, 4, 4, 3, 3) // customer 4, organisation 3
	w2.play("e", "t1", "R02", "use")
	w2.rateAll("e", game.RaterTeam, 2, 2, 5, 5)

	w3 := newBuilder(t)
	w3.f.Workshop.ID, w3.f.Workshop.Client, w3.f.Workshop.Sector, w3.f.Workshop.Date = "w3", "Banken", "Bank", "2026-03-01"
	w3.play("f", "t1", "R02", "use")
	w3.rateAll("f", game.RaterTeam, 4, 4, 1, 1)
	w3.play("g", "t1", "R05", "use")
	return []*game.File{w1.f, w2.f, w3.f}
}

func TestCompareAcrossWorkshops(t *testing.T) {
	files := compareFiles(t)
	got := game.Compare(files, game.Filter{})
	want := []game.CardSummary{
		// R01: chosen 3 times in 2 workshops, all rated; newest is w2, in English.
		{Code: "R01", Title: "Collect only what is needed", Chosen: 3, Workshops: 2, Rated: 3, Customer: 4, Organisation: 3},
		// R02: 3 times in 3 workshops, 2 rated; newest is w3, in Swedish.
		{Code: "R02", Title: "Riktlinjer utifrån kundernas värderingar", Chosen: 3, Workshops: 3, Rated: 2, Customer: 3, Organisation: 3},
		{Code: "R05", Chosen: 1, Workshops: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("Compare = %+v", got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if i == 2 {
			w.Title = g.Title // R05's title is the deck's; checked below
		}
		if g.Code != w.Code || g.Title != w.Title || g.Chosen != w.Chosen || g.Workshops != w.Workshops ||
			g.Rated != w.Rated || !near(g.Customer, w.Customer) || !near(g.Organisation, w.Organisation) {
			t.Errorf("Compare[%d] = %+v\n            want %+v", i, g, w)
		}
	}
	if got[2].Title == "" || got[2].Title == "R05" {
		t.Errorf("R05's title = %q", got[2].Title)
	}

	// The same workshop twice counts once.
	if again := game.Compare(append(files, files[0]), game.Filter{}); again[0].Chosen != 3 || again[0].Workshops != 2 {
		t.Errorf("a workshop given twice: %+v", again[0])
	}
}

func TestCompareFilters(t *testing.T) {
	files := compareFiles(t)
	chosen := func(f game.Filter) map[string]int {
		out := map[string]int{}
		for _, s := range game.Compare(files, f) {
			out[s.Code] = s.Chosen
		}
		return out
	}
	tests := []struct {
		name   string
		filter game.Filter
		want   map[string]int
	}{
		{"client in any case", game.Filter{Client: "acme"}, map[string]int{"R01": 3, "R02": 2}},
		{"sector in any case", game.Filter{Sector: " BANK"}, map[string]int{"R02": 1, "R05": 1}},
		{"dates inclusive at both ends", game.Filter{From: "2026-02-01", To: "2026-03-01"}, map[string]int{"R01": 1, "R02": 2, "R05": 1}},
		{"from the day after", game.Filter{From: "2026-02-02"}, map[string]int{"R02": 1, "R05": 1}},
		{"to the day before", game.Filter{To: "2026-01-31"}, map[string]int{"R01": 2, "R02": 1}},
		{"client and dates", game.Filter{Client: "Acme", From: "2026-01-11"}, map[string]int{"R01": 1, "R02": 1}},
		{"nothing matches", game.Filter{Client: "Nobody"}, map[string]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := chosen(tt.filter)
			if len(got) != len(tt.want) {
				t.Fatalf("chosen = %v, want %v", got, tt.want)
			}
			for code, n := range tt.want {
				if got[code] != n {
					t.Errorf("chosen = %v, want %v", got, tt.want)
				}
			}
		})
	}
	if s := game.Compare(files, game.Filter{Client: "acme"}); s[0].Code != "R01" || s[0].Title != "Collect only what is needed" {
		t.Errorf("filtered comparison: %+v", s)
	}
	if got := game.Compare(nil, game.Filter{}); got == nil || len(got) != 0 {
		t.Errorf("Compare of nothing = %#v, want an empty list", got)
	}
}

// The client and sector filters fold å, ä and ö as a to z, and take a
// decomposed letter as macOS pastes it for the composed one stored.
func TestCompareFilterFoldsÅÄÖ(t *testing.T) {
	w := &game.Workshop{Client: "Åbo Akademi", Sector: "Försäkring", Date: "2026-03-12"}
	for _, f := range []game.Filter{
		{Client: "åbo akademi"},
		{Client: "A\u030aBO AKADEMI"},
		{Sector: "FÖRSÄKRING"},
		{Sector: "fo\u0308rsa\u0308kring"},
	} {
		if !f.Match(w) {
			t.Errorf("%+v does not match %q, %q", f, w.Client, w.Sector)
		}
	}
	if (game.Filter{Client: "Abo Akademi"}).Match(w) {
		t.Errorf("Abo Akademi matches Åbo Akademi; they are two names")
	}
}
