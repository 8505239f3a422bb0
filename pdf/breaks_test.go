package pdf

import (
	"os"
	"strings"
	"testing"
)

// TestDecomposedLettersPrintComposed prints a card whose Swedish title and
// body hold "a" + combining diaeresis and "o" + combining diaeresis, as text
// pasted from macOS or a PDF does: the PDF holds the letters ä and ö.
func TestDecomposedLettersPrintComposed(t *testing.T) {
	d := firstCards(testDeck(t), 1)
	d.Cards[0].Title["sv"] = "Va\u0308rde fo\u0308r a\u030agon"
	d.Cards[0].Body["sv"] = "Ma\u0308t na\u0308r o\u0308vningen bo\u0308rjar."
	o := DefaultCardOptions()
	o.Lang = "sv"
	path, res := printCards(t, d, o)
	for _, i := range res.Issues {
		t.Errorf("unexpected issue: %s", i)
	}
	text := strings.Join(strings.Fields(pageText(t, path, 1)), " ")
	for _, want := range []string{"Värde för ågon", "Mät när övningen börjar."} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is missing from the page:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\u0308\u030a¨") {
		t.Errorf("a combining or spacing diaeresis reached the page:\n%q", text)
	}
}

// TestSoftHyphenPrintsOnlyAtABreak lays out and prints a Finnish compound
// with soft hyphens: in a narrow line it breaks at one of them, with a
// hyphen; on a wide line it prints whole, with no hyphen and no soft hyphen.
func TestSoftHyphenPrintsOnlyAtABreak(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	word := "tieto\u00adsuoja\u00advaikutusten\u00adarviointi"
	narrow := m.fit("Tee "+word+" ajoissa", false, 30, 50, 9, 9)
	if !narrow.fits || narrow.broken {
		t.Fatalf("layout %+v: should fit by breaking at soft hyphens", narrow)
	}
	joined := strings.Join(narrow.lines, "|")
	if !strings.Contains(joined, "-|") {
		t.Errorf("no line ends in a hyphen at a soft hyphen: %q", narrow.lines)
	}
	for _, l := range narrow.lines {
		if strings.Contains(l, softHyphen) {
			t.Errorf("a soft hyphen in line %q", l)
		}
		if strings.HasSuffix(l, "-") {
			// Each part occurs once in the word, so the line's end tells where it broke.
			if !strings.HasSuffix(l, "tieto-") && !strings.HasSuffix(l, "suoja-") && !strings.HasSuffix(l, "vaikutusten-") {
				t.Errorf("line %q breaks where there is no soft hyphen", l)
			}
		}
	}
	if got := strings.ReplaceAll(strings.ReplaceAll(joined, "-|", ""), "|", " "); got != "Tee tietosuojavaikutustenarviointi ajoissa" {
		t.Errorf("lines read back as %q", got)
	}
	wide := m.fit("Tee "+word+" ajoissa", false, 200, 50, 9, 9)
	if len(wide.lines) != 1 || wide.lines[0] != "Tee tietosuojavaikutustenarviointi ajoissa" {
		t.Errorf("on a wide line: %q", wide.lines)
	}

	// Printed: the title is short enough to print whole, the body breaks.
	d := firstCards(testDeck(t), 1)
	d.Cards[0].Title["fi"] = "Tieto\u00adsuoja"
	d.Cards[0].Body["fi"] = strings.Repeat(word+" ", 4)
	o := DefaultCardOptions()
	o.Lang = "fi"
	path, res := printCards(t, d, o)
	for _, i := range res.Issues {
		t.Errorf("unexpected issue: %s", i)
	}
	text := pageText(t, path, 1)
	if strings.Contains(text, "\u00ad") || strings.Contains(text, "Tieto-suoja") || !strings.Contains(text, "Tietosuoja") {
		t.Errorf("the title does not print as one word without hyphens:\n%s", text)
	}
	lines := strings.Split(text, "\n")
	hyphenated := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasSuffix(l, "-") {
			hyphenated++
			if !strings.HasSuffix(l, "tieto-") && !strings.HasSuffix(l, "suoja-") && !strings.HasSuffix(l, "vaikutusten-") {
				t.Errorf("the body breaks away from a soft hyphen: %q", l)
			}
		}
	}
	if hyphenated == 0 {
		t.Errorf("the body never breaks at a soft hyphen:\n%s", text)
	}
	if keep := os.Getenv("DECKHAND_PDF_KEEP"); keep != "" {
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(keep+"/soft-hyphens.pdf", data, 0o644)
	}
}

// TestNoBreakAtANoBreakSpace lays out text at every width from narrow to
// wide: "100 km" and "s. 12", joined by no-break spaces, never break.
func TestNoBreakAtANoBreakSpace(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	text := "Matka on 100\u00a0km ja ohje s.\u00a012 kertoo miten"
	for w := 20.0; w <= 80; w += 0.5 {
		f := m.fit(text, false, w, 100, 9, 9)
		for _, l := range f.lines {
			if strings.HasSuffix(l, "100") || strings.HasPrefix(l, "km") || strings.HasSuffix(l, "s.") || strings.HasPrefix(l, "12") {
				t.Errorf("at %.1f mm the line %q breaks at a no-break space (%q)", w, l, f.lines)
			}
		}
	}
	d := firstCards(testDeck(t), 1)
	d.Cards[0].Body["fi"] = strings.Repeat(text+" ", 6)
	o := DefaultCardOptions()
	o.Lang = "fi"
	path, _ := printCards(t, d, o)
	for _, l := range strings.Split(pageText(t, path, 1), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasSuffix(l, "100") || strings.HasPrefix(l, "km") {
			t.Errorf("printed line %q breaks at a no-break space", l)
		}
	}
}
