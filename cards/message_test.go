package cards_test

import (
	"fmt"
	"strings"
	"testing"

	"deckhand/cards"
)

// A problem keeps its format and arguments beside the English, and the two
// say the same: the app translates the one, the command line prints the other.
func TestProblemsKeepTheirFormatAndArguments(t *testing.T) {
	d := smallDeck()
	d.Cards[1].Code = "R01"
	d.Cards[0].Title["fi"] = ""
	ps := problemsOf(t, cards.Validate(d))
	formats := map[string]cards.Problem{}
	for _, p := range ps {
		if p.Msg != p.Message.String() {
			t.Errorf("Msg %q, but its Message says %q", p.Msg, p.Message.String())
		}
		formats[p.Message.Format] = p
	}
	if p, ok := formats["the title in %s is empty"]; !ok || fmt.Sprint(p.Message.Args...) != "Suomi" {
		t.Errorf("the empty title is %+v in %s", p.Message, dumpProblems(ps))
	}
	if p, ok := formats["code %s is already used by an earlier card; codes must be unique in a deck"]; !ok || p.Message.Args[0] != "R01" {
		t.Errorf("the taken code is %+v in %s", p.Message, dumpProblems(ps))
	}
}

// An error of a deck file carries its sentence through the context callers
// wrap around it.
func TestMessageOfFindsTheSentenceThroughWrapping(t *testing.T) {
	_, err := cards.ReadJSON(strings.NewReader(`{"format": "something-else", "version": 1}`))
	m, ok := cards.MessageOf(fmt.Errorf("import.json: %w", err))
	if !ok || m.Format != "this JSON file is not a Deckhand deck (its format is %q, not %q)" || m.String() != err.Error() {
		t.Fatalf("MessageOf = %+v, %v for %v", m, ok, err)
	}
	if _, ok := cards.MessageOf(fmt.Errorf("plain")); ok {
		t.Error("a plain error has no Message")
	}
	if w := cards.Word("title"); w.String() != "title" || len(w.Args) != 0 {
		t.Errorf("Word = %+v", w)
	}
}
