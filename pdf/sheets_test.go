package pdf

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestRatingSheetsForThreeTeams(t *testing.T) {
	posterNeedPoppler(t)
	teams := []string{"Bord Åland", "Pöytä Kääpä", "Team Ödemark"}
	var pages int
	path := posterWrite(t, "sheets-sv.pdf", func(w io.Writer) error {
		var err error
		pages, err = RatingSheets(w, posterDeck(t), SheetOptions{Lang: "sv", Paper: Papers["a4"], Teams: teams, Created: posterFixed})
		return err
	})
	sizes := posterPages(t, path)
	if pages != len(sizes) || len(sizes) < len(teams) {
		t.Fatalf("returned %d pages, the file has %d; want at least %d", pages, len(sizes), len(teams))
	}
	posterCheckSize(t, sizes, ptA4H, ptA4W) // A4 on its side
	posterFontsEmbedded(t, path)
	for i, team := range teams {
		text := posterText(t, path, i+1)
		posterContains(t, fmt.Sprintf("sheet %d", i+1), text, team, "4K data routines", "upplaga 1", "Datum",
			"Önskvärdhet", "Användbarhet", "Lönsamhet", "Genomförbarhet", "Kundens perspektiv", "Organisationens perspektiv",
			"Kod", "Anteckningar")
		for _, other := range teams {
			if other != team && strings.Contains(text, other) {
				t.Errorf("sheet %d also names %s", i+1, other)
			}
		}
		// Eight rows of four criteria of five boxes: each of 1–5 printed 32 times.
		for v := 1; v <= 5; v++ {
			if n := strings.Count(" "+text+" ", fmt.Sprintf(" %d ", v)); n < 32 {
				t.Errorf("sheet %d: the scale value %d is printed %d times, want 32", i+1, v, n)
			}
		}
	}
}

func TestRatingSheetsUnnamedLetterInFinnish(t *testing.T) {
	posterNeedPoppler(t)
	var pages int
	path := posterWrite(t, "sheets-fi-letter.pdf", func(w io.Writer) error {
		var err error
		pages, err = RatingSheets(w, posterDeck(t), SheetOptions{Lang: "fi", Paper: Papers["letter"], Rows: 30, Created: posterFixed})
		return err
	})
	sizes := posterPages(t, path)
	if pages != 1 || len(sizes) != 1 {
		t.Fatalf("%d pages (file %d), want 1", pages, len(sizes))
	}
	posterCheckSize(t, sizes, 792, 612)
	text := posterText(t, path, 1)
	posterContains(t, "letter fi", text, "Toivottavuus", "Käytettävyys", "Kannattavuus", "Toteutettavuus", "Tiimi/pöytä", "Asiakkaan näkökulma")
	// 30 rows do not fit: as many as fit at the smallest row height.
	if n := strings.Count(" "+text+" ", " 5 "); n%4 != 0 || n/4 >= 30 || n/4 < 8 {
		t.Errorf("letter holds %d rows, want fewer than 30 and at least 8", n/4)
	}
}

func TestRatingSheetsRefuseWhatCannotPrint(t *testing.T) {
	d := posterDeck(t)
	if _, err := RatingSheets(io.Discard, d, SheetOptions{Paper: Papers["a4"], Teams: []string{"Rocket 🚀"}}); err == nil || !strings.Contains(err.Error(), "🚀") {
		t.Errorf("a team name with an emoji: %v", err)
	}
	d.Criteria[0].Max = 40
	if _, err := RatingSheets(io.Discard, d, SheetOptions{Paper: Papers["a4"]}); err == nil {
		t.Error("a 40-step scale fitted on A4")
	}
}
