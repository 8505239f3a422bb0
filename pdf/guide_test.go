package pdf

import (
	"io"
	"strings"
	"testing"
)

func printGuide(t *testing.T, lang string) string {
	t.Helper()
	return posterWrite(t, "guide-"+lang+".pdf", func(w io.Writer) error {
		return Guide(w, posterDeck(t), GuideOptions{Lang: lang, Paper: Papers["a4"], Created: posterFixed})
	})
}

func TestGuideIsOnePageWithTheDecksBoardAndCriteria(t *testing.T) {
	posterNeedPoppler(t)
	cases := map[string][]string{
		"fi": {"Fasilitaattorin opas", "Keruu", "Käyttö", "Kommunikointi", "Kehittäminen", "Mitä dataa keräämme ja miksi?",
			"Toivottavuus (asteikko 1–5)", "Käytettävyys", "Kannattavuus", "Toteutettavuus", "Asiakkaan näkökulma:",
			"Operatiivinen", "Strateginen", "Kehityspolku", "Asiakaspaneeli"},
		"en": {"Facilitator guide", "Collection", "Use", "Communication", "Development", "How do we use data, and who benefits?",
			"Desirability (scale 1–5)", "Usability", "Profitability", "Feasibility", "Organisation's view:",
			"Operational", "Strategic", "blank card", "Development path", "Informant"},
		"sv": {"Facilitatorns guide", "Användning", "Utveckling", "Önskvärdhet (skala 1–5)", "Genomförbarhet", "tomt kort"},
	}
	for lang, wants := range cases {
		path := printGuide(t, lang)
		sizes := posterPages(t, path)
		if len(sizes) != 1 {
			t.Errorf("%s: %d pages, want 1", lang, len(sizes))
		}
		posterCheckSize(t, sizes, ptA4W, ptA4H)
		posterFontsEmbedded(t, path)
		posterContains(t, "guide "+lang, posterText(t, path, 1), wants...)
	}
}

func TestGuideShrinksOrRefuses(t *testing.T) {
	d := posterDeck(t)
	long := strings.Repeat("Hur samlar vi in data på ett sätt som kunden förstår och godtar? ", 6)
	for i := range d.Board.Areas {
		d.Board.Areas[i].Question["sv"] = long
	}
	if err := Guide(io.Discard, d, GuideOptions{Lang: "sv", Paper: Papers["a4"]}); err != nil {
		t.Errorf("long questions should shrink to fit: %v", err)
	}
	for i := range d.Board.Areas {
		d.Board.Areas[i].Question["sv"] = strings.Repeat(long, 12)
	}
	if err := Guide(io.Discard, d, GuideOptions{Lang: "sv", Paper: Papers["a4"]}); err == nil || !strings.Contains(err.Error(), "one") {
		t.Errorf("questions far too long: %v, want an error", err)
	}
	d = posterDeck(t)
	d.Criteria[0].Name["en"] = "Joy 😀"
	if err := Guide(io.Discard, d, GuideOptions{Lang: "en", Paper: Papers["a4"]}); err == nil || !strings.Contains(err.Error(), "😀") {
		t.Errorf("an emoji in a criterion: %v, want an error naming it", err)
	}
}
