package message_test

import (
	"fmt"
	"testing"

	"deckhand/message"
)

// An error's sentence is found through the context callers wrap around
// it, and says the same as the error's text.
func TestOfFindsTheSentenceThroughWrapping(t *testing.T) {
	err := message.Refusal("this JSON file is not a Deckhand deck (its format is %q, not %q)", "something-else", "deckhand-deck")
	m, ok := message.Of(fmt.Errorf("import.json: %w", err))
	if !ok || m.Format != "this JSON file is not a Deckhand deck (its format is %q, not %q)" || m.String() != err.Error() {
		t.Fatalf("Of = %+v, %v for %v", m, ok, err)
	}
	if _, ok := message.Of(fmt.Errorf("plain")); ok {
		t.Error("a plain error has no Message")
	}
	if w := message.Word("title"); w.String() != "title" || len(w.Args) != 0 {
		t.Errorf("Word = %+v", w)
	}
}

// A format without arguments is its own text, not run through fmt: a
// word with a percent sign stays as it is.
func TestAFormatWithoutArgumentsIsItsOwnText(t *testing.T) {
	if got := message.Say("100% sure").String(); got != "100% sure" {
		t.Errorf("Say without arguments = %q", got)
	}
	if got := message.Say("%d cards", 3).String(); got != "3 cards" {
		t.Errorf("Say with arguments = %q", got)
	}
}

// A counted sentence is said in English in the form its count takes, with
// every argument, and its format (the catalogue's key) is the other form.
func TestACountedSentenceTakesTheFormOfItsCount(t *testing.T) {
	for n, want := range map[int]string{0: "Delete a.csv with its 0 cards?", 1: "Delete a.csv with its 1 card?", 2: "Delete a.csv with its 2 cards?", 5: "Delete a.csv with its 5 cards?"} {
		m := message.Count(n, "Delete %s with its %d card?", "Delete %s with its %d cards?", "a.csv", n)
		if got := m.String(); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
		if m.Format != "Delete %s with its %d cards?" || !m.Counted() {
			t.Errorf("Count(%d) keeps %+v", n, m)
		}
	}
	if message.Say("%d cards", 1).Counted() {
		t.Error("Say counts nothing")
	}
}
