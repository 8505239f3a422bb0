package game_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// Each of these workshop files was once read without a word; each must be
// refused, naming where: the line and column of the JSON, or the record.
func TestReadFileRefusesWhatItOnceAccepted(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	tests := []struct {
		name   string
		change func(f *game.File) // applied before the file is written
		old    string             // then old is replaced by new in its JSON
		new    string
		marker string // where a JSON problem is, in the changed file
		want   string // the problem, whole or its start
	}{
		{name: "a field twice", old: `"name": "Bord 1",`, new: `"name": "Bord 1", "NAME": "Bord X",`,
			marker: `"NAME"`, want: "the field teams[0].NAME appears twice in the same object"},
		{name: "a second workshop after the first", old: "\n}\n", new: "\n}\n{}\n",
			marker: "{}\n", want: "the file goes on after the closing } of its object"},
		{name: "bytes that are not UTF-8", old: `"Bord 1"`, new: "\"Bord \xff1\"",
			marker: "\xff", want: "the file is not UTF-8 text here"},
		{name: "a NUL in the workshop's title", change: func(f *game.File) { f.Workshop.Title = "Kund\x00service" },
			want: "the workshop: the workshop's title holds a line break or control character"},
		{name: "a line break in the workshop's title", change: func(f *game.File) { f.Workshop.Title = "Kund\nservice" },
			want: "the workshop: the workshop's title holds a line break or control character"},
		{name: "a right-to-left override in the workshop's title", change: func(f *game.File) { f.Workshop.Title = "\u202eecivreS" },
			want: "the workshop: the workshop's title holds U+202E, a character that changes the direction of text"},
		{name: "a NUL in a team's name", change: func(f *game.File) { f.Teams[0].Name = "Bord\x001" },
			want: "team 1 (id t1): the table's name holds a line break or control character"},
		{name: "a line break in a team's name", change: func(f *game.File) { f.Teams[1].Name = "Bord\n2" },
			want: "team 2 (id t2): the table's name holds a line break or control character"},
		{name: "a direction isolate in a team's name", change: func(f *game.File) { f.Teams[1].Name = "Bord \u20672" },
			want: "team 2 (id t2): the table's name holds U+2067"},
		{name: "a line break in a path's name", change: func(f *game.File) { f.Paths[0].Name = "Öppen\nredovisning" },
			want: "path 1 (id a1): the path's name holds a line break"},
		{name: "a pseudonym with a NUL", change: func(f *game.File) { f.Participants[0].Pseudonym = "Ugg\x00lan" },
			want: "participant 1 (id u1): the participant's name holds a line break"},
		{name: "a team's id of a megabyte", old: `"id": "t2"`, new: `"id": "` + long + `"`,
			want: "team 2 (id xxxxxxxxxxxx…): its id is longer than 100 characters"},
		{name: "a reference of a megabyte", change: func(f *game.File) { f.Participants[0].TeamID = long },
			want: `participant 1 (id u1): its team "xxxxxxxxxxxx…" is not in the file`},
		{name: "the workshop's id of a megabyte", change: func(f *game.File) { f.Workshop.ID = long },
			want: "the workshop: its id is longer than 100 characters"},
		{name: "a team at position -1", change: func(f *game.File) { f.Teams[1].Position = -1 },
			want: "team 2 (id t2): the table's position is -1; positions count from 0"},
		{name: "a path at position -1", change: func(f *game.File) { f.Paths[0].Position = -1 },
			want: "path 1 (id a1): the path's position is -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sampleFile(t)
			if tt.change != nil {
				tt.change(f)
			}
			data := write(t, f)
			if tt.old != "" {
				if bytes.Count(data, []byte(tt.old)) < 1 {
					t.Fatalf("%q is not in the file", tt.old)
				}
				data = bytes.Replace(data, []byte(tt.old), []byte(tt.new), 1)
			}
			got, err := game.ReadFile(bytes.NewReader(data))
			if got != nil {
				t.Error("ReadFile returned a workshop; a refused file gives none")
			}
			var ps cards.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("ReadFile = %v; want cards.Problems", err)
			}
			if !strings.HasPrefix(ps[0].Msg, tt.want) {
				t.Errorf("the first problem is %q; want %q", ps[0].Msg, tt.want)
			}
			if tt.marker != "" {
				line, col := posOf(t, data, tt.marker)
				if ps[0].Line != line || ps[0].Column != col {
					t.Errorf("the problem is at line %d, column %d; want line %d, column %d", ps[0].Line, ps[0].Column, line, col)
				}
			}
			if len(ps[0].Msg) > 1000 {
				t.Errorf("the problem is %d bytes long; a message must not repeat a huge id", len(ps[0].Msg))
			}
		})
	}
}
