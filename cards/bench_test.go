package cards_test

import (
	"bytes"
	"io"
	"testing"

	"deckhand/cards"
)

// The default deck (62 cards, three languages) is the size of a real deck;
// import, export and validation run on every open and save, so they must
// stay well under what a person notices.

func BenchmarkReadCSVDefaultDeck(b *testing.B) {
	d := defaultDeck(b)
	var buf bytes.Buffer
	if err := cards.WriteCSV(&buf, d); err != nil {
		b.Fatal(err)
	}
	data, template := buf.Bytes(), d.Template()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cards.ReadCSV(bytes.NewReader(data), template); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteCSVDefaultDeck(b *testing.B) {
	d := defaultDeck(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := cards.WriteCSV(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateDefaultDeck(b *testing.B) {
	d := defaultDeck(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := cards.Validate(d); err != nil {
			b.Fatal(err)
		}
	}
}
