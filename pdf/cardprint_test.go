package pdf

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"weak"
)

func TestAPrintReportsAllThatPreflightFindsInItsOrder(t *testing.T) {
	for _, backs := range []string{BacksNone, BacksDuplexLong, BacksPages} {
		d := troubledDeck(t)
		o := DefaultCardOptions()
		o.Lang, o.Backs, o.Blank = "sv", backs, 2
		want, err := Preflight(d, o)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Cards(io.Discard, d, o)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(res.Issues, want, func(a, b Issue) bool { return a.String() == b.String() }) {
			t.Errorf("backs %s: the print reports\n%v\npreflight finds\n%v", backs, res.Issues, want)
		}
		var onBacks bool
		for _, i := range want {
			onBacks = onBacks || strings.Contains(i.Msg, "back text")
		}
		if onBacks != (backs != BacksNone) {
			t.Errorf("backs %s: the too long back text is reported %v", backs, onBacks)
		}
	}
}

func TestAStrictPrintWritesNothingWhenPreflightFindsAnError(t *testing.T) {
	o := DefaultCardOptions()
	o.Lang = "sv"
	p, err := PlanCards(troubledDeck(t), o)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res, err := p.WriteStrict(&out)
	if !errors.Is(err, ErrPreflightErrors) || out.Len() != 0 || !HasErrors(res.Issues) {
		t.Errorf("strict print of a deck with errors: %v, %d bytes written, issues %v", err, out.Len(), res.Issues)
	}
	p, err = PlanCards(firstCards(testDeck(t), 3), o)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := p.WriteStrict(&out); err != nil || !bytes.HasPrefix(out.Bytes(), []byte("%PDF")) || res.Pages != 1 {
		t.Errorf("strict print of a sound deck: %v, %q…, %d pages", err, out.Bytes()[:min(8, out.Len())], res.Pages)
	}
}

func TestACardPrintLetsGoOfTheDeckBeforeItWritesTheFile(t *testing.T) {
	d := deckOf(t, 40)
	p, err := PlanCards(d, DefaultCardOptions())
	if err != nil {
		t.Fatal(err)
	}
	deckCards := weak.Make(&d.Cards[0])
	d = nil // from here on only the print holds the deck
	heldWhileWriting := true
	if _, err := p.Write(&firstWrite{w: io.Discard, before: func() {
		runtime.GC()
		heldWhileWriting = deckCards.Value() != nil
	}}); err != nil {
		t.Fatal(err)
	}
	if heldWhileWriting {
		t.Error("the deck's cards were still in memory when the file was written")
	}
	if _, err := p.Write(io.Discard); err == nil {
		t.Error("a card print was written twice")
	}
}
