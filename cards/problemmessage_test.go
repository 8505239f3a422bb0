package cards_test

import (
	"fmt"
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
