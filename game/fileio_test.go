package game_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
)

// sampleFile is a small valid workshop file with a record of every kind,
// tombstones among them.
func sampleFile(tb testing.TB) *game.File {
	tb.Helper()
	at := func(hm string) time.Time {
		t, err := time.Parse("2006-01-02 15:04", "2026-03-12 "+hm)
		if err != nil {
			tb.Fatal(err)
		}
		return t
	}
	w := newWorkshop(tb)
	w.Client, w.Sector, w.Purpose = "Exempelbolaget Ab", "Handel", "Sammanställa resultaten."
	w.DeckID, w.Updated = "d1", at("15:00")
	f := &game.File{
		Format:   game.FileFormat,
		Version:  game.FileVersion,
		Device:   "laptop-1",
		Workshop: *w,
		Teams: []game.Team{
			{ID: "t1", Name: "Bord 1", NoteTaker: "Ugglan", Position: 0, Updated: at("09:05")},
			{ID: "t2", Name: "Bord 2", Position: 1, Updated: at("09:05")},
			{ID: "t3", Name: "", Position: 2, Updated: at("09:06"), Deleted: true},
		},
		Participants: []game.Participant{
			{ID: "u1", TeamID: "t1", Pseudonym: "Ugglan", Role: "juridik", Updated: at("09:10")},
			{ID: "u2", TeamID: "t2", Pseudonym: "Haren", RealName: "Exempel Person", Updated: at("09:10")},
		},
		Paths: []game.Path{
			{ID: "a1", TeamID: "t1", Name: "Öppen redovisning", Updated: at("10:40")},
		},
		Plays: []game.Play{
			{ID: "p1", TeamID: "t1", Code: "R01", Area: "collection", PathID: "a1", Role: "C01", Interactions: []string{"I03", "I04"}, Updated: at("09:32")},
			{ID: "p2", TeamID: "t2", Code: "B01", Text: "Kundtjänsten frågar innan anteckningen sparas.", Area: "use", Position: 0, Updated: at("09:40")},
			{ID: "p3", TeamID: "t1", Code: "R29", Area: "communication", PathID: "a1", Position: 1, Updated: at("09:50")},
			// A tombstone is checked for its references only: its card
			// need not be valid any more.
			{ID: "p4", TeamID: "t1", Code: "R99", Area: "kitchen", Updated: at("09:55"), Deleted: true},
		},
		Ratings: []game.Rating{
			{ID: "r1", PlayID: "p1", Criterion: "desirability", Value: 5, Rater: game.RaterTeam, At: at("10:50")},
			{ID: "r2", PlayID: "p1", Criterion: "desirability", Value: 4, Rater: game.RaterTeam, At: at("10:52")},
			{ID: "r3", PlayID: "p1", Criterion: "feasibility", Value: 1, Rater: game.RaterTeam, At: at("10:50")},
			{ID: "r4", PlayID: "p2", Criterion: "usability", Value: 3, Rater: "u2", At: at("10:51")},
			{ID: "r5", PlayID: "p2", Criterion: "usability", Value: 9, Rater: "u2", At: at("10:53"), Deleted: true},
		},
		Notes: []game.Note{
			{ID: "n1", TeamID: "t1", PlayID: "p1", Kind: game.NoteQuote, Text: "”Vi har alltid gjort så.”", At: at("09:33"), Updated: at("09:33")},
			{ID: "n2", TeamID: "t2", Kind: game.NoteDecision, Text: "Bord 2 presenterar först.", At: at("11:20"), Updated: at("11:21")},
			{ID: "n3", Kind: game.NoteAction, Text: "Sammanställningen skickas inom en vecka.", At: at("11:50"), Updated: at("11:50")},
			{ID: "n4", TeamID: "t1", Kind: game.NoteIdea, Text: "", At: at("11:00"), Updated: at("11:01"), Deleted: true},
		},
		Erasures: []game.Erasure{{ID: "e1", What: game.ErasedNames, At: at("16:00"), Device: "laptop-2"}},
	}
	f.Upgrade() // every record's device and time of change, as a file read back has them
	return f
}

func write(tb testing.TB, f *game.File) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, f); err != nil {
		tb.Fatalf("WriteFile: %v", err)
	}
	return buf.Bytes()
}

func TestWorkshopFileRoundTrip(t *testing.T) {
	f := sampleFile(t)
	data := write(t, f)
	got, err := game.ReadFile(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadFile of WriteFile's output: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("read back a different workshop:\ngot  %+v\nwant %+v", got, f)
	}
	if again := write(t, got); !bytes.Equal(again, data) {
		t.Error("writing the workshop read back gives other bytes")
	}
	// With a byte-order mark, as some editors save it.
	if _, err := game.ReadFile(bytes.NewReader(append([]byte("\uFEFF"), data...))); err != nil {
		t.Errorf("ReadFile with a byte-order mark: %v", err)
	}
}

func TestWriteFileIsDeterministic(t *testing.T) {
	f := sampleFile(t)
	f.Format, f.Version = "", 0
	f.Paths = nil
	for i := range f.Plays {
		f.Plays[i].PathID = ""
	}
	helsinki := time.FixedZone("EET", 2*60*60)
	f.Notes[0].At = f.Notes[0].At.In(helsinki)
	f.Ratings[0].At = time.Now() // with a monotonic clock reading
	first, second := write(t, f), write(t, f)
	if !bytes.Equal(first, second) {
		t.Fatal("two writes of the same workshop differ")
	}
	if f.Format != "" || f.Version != 0 || f.Notes[0].At.Location() != helsinki {
		t.Error("WriteFile changed the workshop it wrote")
	}
	for _, want := range []string{
		`"format": "deckhand.workshop",`, `"version": 4,`,
		`"paths": [],`,
		`"at": "2026-03-12T09:33:00Z",`, // in UTC
		"”Vi har alltid gjort så.”",     // not escaped
	} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("the file does not hold %s", want)
		}
	}
	got, err := game.ReadFile(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if got.Paths == nil || len(got.Paths) != 0 {
		t.Errorf("an empty list reads as %#v, want an empty list", got.Paths)
	}
	if n := got.Notes[0].At; n.Location() != time.UTC || !n.Equal(f.Notes[0].At) {
		t.Errorf("a time written in EET is read as %v, want the same instant in UTC", n)
	}
	if r := got.Ratings[0].At; !r.Equal(f.Ratings[0].At) || r.Location() != time.UTC {
		t.Errorf("time.Now() is read back as %v, want %v in UTC", r, f.Ratings[0].At)
	}
}

func TestReadFileNormalizesCodes(t *testing.T) {
	f := sampleFile(t)
	f.Plays[0].Code, f.Plays[0].Role = "r01", "c01"
	f.Plays[0].Interactions = []string{"i03", "I03", "i04"}
	f.Plays[1].Text = "  Kundtjänsten frågar innan anteckningen sparas.\n"
	got, err := game.ReadFile(bytes.NewReader(write(t, f)))
	if err != nil {
		t.Fatal(err)
	}
	want := sampleFile(t)
	if !reflect.DeepEqual(got.Plays, want.Plays) {
		t.Errorf("plays read as\n%+v\nwant\n%+v", got.Plays, want.Plays)
	}
}

// posOf is the line and column (in characters, from 1) where needle first
// starts in data.
func posOf(tb testing.TB, data []byte, needle string) (line, col int) {
	tb.Helper()
	i := bytes.Index(data, []byte(needle))
	if i < 0 {
		tb.Fatalf("%q is not in the file", needle)
	}
	before := data[:i]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return line, col
}

func TestReadFileRefusesBrokenFiles(t *testing.T) {
	good := write(t, sampleFile(t))
	replace := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("%q is not in the sample file", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	at := func(data []byte, needle string) [2]int {
		l, c := posOf(t, data, needle)
		return [2]int{l, c}
	}
	unknownField := replace(`"note_taker"`, `"notetaker"`)
	wrongType := replace(`"value": 4`, `"value": "4"`)
	badTime := replace(`"at": "2026-03-12T10:52:00Z"`, `"at": "12.3.2026 10:52"`)
	unquotedTime := replace(`"at": "2026-03-12T10:52:00Z"`, `"at": 1052`)
	newer := replace(`"version": 4,`, `"version": 5, "mood": "glad",`)
	tests := []struct {
		name string
		data []byte
		msg  string
		pos  [2]int // line and column; zero when the problem has none
	}{
		{
			name: "broken JSON",
			data: []byte("{\n  \"format\": \"deckhand.workshop\",\n  \"version\": 1\n  \"teams\": []\n}\n"),
			msg:  "the JSON is malformed",
			pos:  [2]int{4, 3},
		},
		{
			name: "broken JSON after non-ASCII text",
			data: []byte("{\n  \"format\": \"deckhand.workshop\", \"version\": 1,\n  \"workshop\": {\"title\": \"Åäö\" \"date\": 1}\n}\n"),
			msg:  "the JSON is malformed",
			pos:  [2]int{3, 31},
		},
		{"an unknown field", unknownField, `there is no field "notetaker" here`, at(unknownField, `"notetaker"`)},
		{"a number as text", wrongType, `field "ratings.value" should be a number, not a JSON string`, at(wrongType, `"4"`)},
		{"a time that is not a time", badTime, `"12.3.2026 10:52" is not a time like "2026-03-12T09:30:00Z"`, at(badTime, `"12.3.2026`)},
		{"a time not in quotes", unquotedTime, "a time should be written as text in quotes", at(unquotedTime, "1052")},
		{"a list, not an object", []byte("[1, 2]"), "a workshop file holds one JSON object", [2]int{1, 1}},
		{"empty", nil, "the file is empty", [2]int{1, 1}},
		{"only spaces", []byte("\uFEFF \n "), "the file is empty", [2]int{1, 1}},
		{"cut off", good[:len(good)/2], "ends too early; the file may be cut off", at(good, string(good[len(good)/2:]))},
		{"cut off after the first brace", []byte("{"), "ends too early; the file may be cut off", [2]int{1, 2}},
		{"two workshops in one file", append(bytes.Clone(good), []byte("{}\n")...), "the file goes on after the closing } of its object", [2]int{bytes.Count(good, []byte("\n")) + 1, 1}},
		{"a deck file", assets.DefaultDeckJSON, "this JSON file is not a Deckhand workshop: it is a deck file", [2]int{}},
		{"another format", []byte(`{"format": "deckhand.print", "version": 1}`), `this JSON file is not a Deckhand workshop (its format is "deckhand.print"`, [2]int{}},
		{"no format", []byte(`{"version": 1}`), "this JSON file is not a Deckhand workshop", [2]int{}},
		{"a newer version, with fields this one does not know", newer, "made by a newer version of Deckhand (format version 5", [2]int{}},
		{"no version", replace(`"version": 4,`, `"version": 0,`), "has no valid format version", [2]int{}},
		{"too big", bytes.Repeat([]byte(" "), cards.MaxFileSize+1), "larger than 32 MB", [2]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := game.ReadFile(bytes.NewReader(tt.data))
			if err == nil {
				t.Fatal("ReadFile accepted the file")
			}
			if f != nil {
				t.Error("ReadFile returned a workshop with its error")
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			var ps cards.Problems
			if tt.pos == [2]int{} {
				if errors.As(err, &ps) && ps[0].Line != 0 {
					t.Errorf("error %q has a line, want none", err)
				}
				return
			}
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("error %q (%T) is not one cards.Problem", err, err)
			}
			if got := [2]int{ps[0].Line, ps[0].Column}; got != tt.pos {
				t.Errorf("error %q is at line %d, column %d; want line %d, column %d", err, got[0], got[1], tt.pos[0], tt.pos[1])
			}
		})
	}
}

func TestReadFileChecksTheWorkshop(t *testing.T) {
	tests := []struct {
		name   string
		change func(f *game.File)
		want   []string // each problem, in order
	}{
		{
			name:   "a rating outside the scale",
			change: func(f *game.File) { f.Ratings[1].Value = 7 },
			want:   []string{"rating 2 (id r2): Önskvärdhet is rated from 1 to 5, not 7"},
		},
		{
			name:   "a rating of an unknown criterion",
			change: func(f *game.File) { f.Ratings[2].Criterion = "beauty" },
			want:   []string{`rating 3 (id r3): the deck has no criterion "beauty"`},
		},
		{
			name:   "a rating of a play not in the file",
			change: func(f *game.File) { f.Ratings[0].PlayID = "p9" },
			want:   []string{`rating 1 (id r1): its play "p9" is not in the file`},
		},
		{
			name:   "a rating by someone not in the file",
			change: func(f *game.File) { f.Ratings[3].Rater = "u9" },
			want:   []string{`rating 4 (id r4): its rater "u9" is neither "team" nor a participant in the file`},
		},
		{
			name:   "a rating without a rater",
			change: func(f *game.File) { f.Ratings[3].Rater = "" },
			want:   []string{"rating 4 (id r4): a rating needs a rater"},
		},
		{
			name:   "a play of a team not in the file",
			change: func(f *game.File) { f.Plays[1].TeamID = "t9" },
			want:   []string{`play 2 (id p2, card B01): its team "t9" is not in the file`},
		},
		{
			name:   "a play of no team",
			change: func(f *game.File) { f.Plays[1].TeamID = "" },
			want:   []string{"play 2 (id p2, card B01): it names no team"},
		},
		{
			name:   "a play in another team's path",
			change: func(f *game.File) { f.Plays[1].PathID = "a1" },
			want:   []string{`play 2 (id p2, card B01): its development path "a1" belongs to another team`},
		},
		{
			name:   "a play in a path not in the file",
			change: func(f *game.File) { f.Plays[0].PathID = "a9" },
			want:   []string{`play 1 (id p1, card R01): its development path "a9" is not in the file`},
		},
		{
			name:   "a play against the rules",
			change: func(f *game.File) { f.Plays[0].Role = "I01" },
			want:   []string{`play 1 (id p1, card R01): "I01" is not a customer-role card of the deck`},
		},
		{
			name:   "a blank card without text",
			change: func(f *game.File) { f.Plays[1].Text = "" },
			want:   []string{"play 2 (id p2, card B01): write the team's own routine on blank card B01"},
		},
		{
			name:   "a card not in the deck snapshot",
			change: func(f *game.File) { f.Plays[2].Code = "R41" },
			want:   []string{`play 3 (id p3, card R41): there is no card "R41" in the deck 4K data routines`},
		},
		{
			name:   "a tombstone of a team not in the file",
			change: func(f *game.File) { f.Plays[3].TeamID = "t9" },
			want:   []string{`play 4 (id p4, card R99): its team "t9" is not in the file`},
		},
		{
			name: "duplicate ids",
			change: func(f *game.File) {
				f.Notes[2].ID = "n1"
				f.Plays[2].ID = "p1"
				f.Ratings[4].ID = "r1"
				f.Teams[2].ID = "t1"
			},
			want: []string{
				"team 3 (id t1): its id is used by an earlier team; every team needs its own",
				"play 3 (id p1, card R29): its id is used by an earlier play",
				"rating 5 (id r1): its id is used by an earlier rating",
				"note 3 (id n1): its id is used by an earlier note",
			},
		},
		{
			name: "the same id in records of different kinds",
			change: func(f *game.File) {
				f.Notes[0].ID, f.Ratings[0].ID, f.Paths[0].ID = "x", "x", "x"
				f.Plays[0].PathID, f.Plays[2].PathID = "x", "x"
			},
		},
		{
			name: "missing ids",
			change: func(f *game.File) {
				f.Workshop.ID = ""
				f.Participants[0].ID = " "
				f.Ratings[0].ID = ""
			},
			want: []string{
				"the workshop: it has no id",
				"participant 1: it has no id",
				"rating 1: it has no id",
			},
		},
		{
			name:   "a note about a play not in the file",
			change: func(f *game.File) { f.Notes[0].PlayID = "p9" },
			want:   []string{`note 1 (id n1): its play "p9" is not in the file`},
		},
		{
			name:   "a note about another team's play",
			change: func(f *game.File) { f.Notes[0].TeamID = "t2" },
			want:   []string{`note 1 (id n1): its play "p1" belongs to another team`},
		},
		{
			name:   "a note of a team not in the file",
			change: func(f *game.File) { f.Notes[1].TeamID = "t9" },
			want:   []string{`note 2 (id n2): its team "t9" is not in the file`},
		},
		{
			name:   "a note of an unknown kind",
			change: func(f *game.File) { f.Notes[1].Kind = "todo" },
			want:   []string{`note 2 (id n2): unknown kind of note "todo"`},
		},
		{
			name:   "a participant of a team not in the file",
			change: func(f *game.File) { f.Participants[1].TeamID = "t9" },
			want:   []string{`participant 2 (id u2): its team "t9" is not in the file`},
		},
		{
			name:   "a participant without a pseudonym",
			change: func(f *game.File) { f.Participants[1].Pseudonym = "" },
			want:   []string{"participant 2 (id u2): the participant has no name"},
		},
		{
			name:   "a path of a team not in the file",
			change: func(f *game.File) { f.Paths[0].TeamID = "t9" },
			want: []string{
				`path 1 (id a1): its team "t9" is not in the file`,
				`play 1 (id p1, card R01): its development path "a1" belongs to another team`,
				`play 3 (id p3, card R29): its development path "a1" belongs to another team`,
			},
		},
		{
			name:   "a team without a name",
			change: func(f *game.File) { f.Teams[1].Name = " " },
			want:   []string{"team 2 (id t2): the table has no name"},
		},
		{
			name:   "the workshop against the rules",
			change: func(f *game.File) { f.Workshop.Retention = "2026-01-01" },
			want:   []string{"the workshop: the retention date is before the workshop"},
		},
		{
			name:   "a deck snapshot that is not a valid deck",
			change: func(f *game.File) { f.Workshop.Deck.Cards[len(f.Workshop.Deck.Cards)-1].Type = "rutin" },
			want:   []string{`the workshop's deck: card B04: unknown card type "rutin"`},
		},
		{
			name:   "no deck snapshot",
			change: func(f *game.File) { f.Workshop.Deck = nil },
			want:   []string{"the workshop: the workshop has no deck to play with"},
		},
		{
			name: "a time past the year 9999 in UTC",
			change: func(f *game.File) {
				f.Notes[1].At = time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -2*60*60))
			},
			want: []string{"note 2 (id n2): the time 9999-12-31T23:00:00-02:00 is out of range"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sampleFile(t)
			tt.change(f)
			// The check alone, then the same through a file.
			err := f.Check()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				if _, err := game.ReadFile(bytes.NewReader(write(t, f))); err != nil {
					t.Fatalf("ReadFile: %v", err)
				}
				return
			}
			var ps cards.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Check = %v (%T), want cards.Problems", err, err)
			}
			if len(ps) != len(tt.want) {
				t.Fatalf("Check found %d problems, want %d:\n%s", len(ps), len(tt.want), strings.Join(ps.Lines(), "\n"))
			}
			for i, want := range tt.want {
				if got := ps[i].String(); !strings.HasPrefix(got, want) {
					t.Errorf("problem %d = %q, want %q", i+1, got, want)
				}
			}
			var buf bytes.Buffer
			if err := game.WriteFile(&buf, f); err != nil {
				if tt.name == "a time past the year 9999 in UTC" {
					return // cannot be written at all; the check is for files made by hand
				}
				t.Fatalf("WriteFile: %v", err)
			}
			got, err := game.ReadFile(&buf)
			if got != nil || err == nil || !strings.HasPrefix(err.Error(), tt.want[0]) {
				t.Errorf("ReadFile = %v, %v; want the problem %q", got, err, tt.want[0])
			}
		})
	}
}

func TestCheckListsEveryProblem(t *testing.T) {
	f := sampleFile(t)
	f.Ratings[0].Value = 0
	f.Notes[0].Text = " "
	f.Plays[1].TeamID = "t9"
	err := f.Check()
	var ps cards.Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("Check = %v, want 3 problems", err)
	}
	if !strings.HasSuffix(err.Error(), "(and 2 more problems)") {
		t.Errorf("the error reads %q", err)
	}
	if strings.Contains(err.Error(), game.ErrRule.Error()) {
		t.Errorf("the error %q repeats %q", err, game.ErrRule)
	}
}

func TestExampleWorkshopFiles(t *testing.T) {
	shipped, err := os.ReadFile("../assets/examples/workshop.json")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile("../docs/example-workshop.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shipped, docs) {
		t.Fatal("assets/examples/workshop.json and docs/example-workshop.json differ; they must be the same file")
	}
	f, err := game.ReadFile(bytes.NewReader(shipped))
	if err != nil {
		t.Fatalf("the example workshop does not read: %v", err)
	}
	if again := write(t, f); !bytes.Equal(again, shipped) {
		t.Error("the example is not as WriteFile writes it; generate it with WriteFile")
	}

	w := f.Workshop
	if w.Title != "Exempel: Ansvarsfull dataanvändning i kundservice" || w.Client != "Exempelbolaget Ab" ||
		w.Sector != "Handel" || w.Date != "2026-03-12" || w.Retention != "2026-12-31" || w.Language != "sv" ||
		w.Place == "" || w.Facilitator == "" || w.Purpose == "" {
		t.Errorf("the example workshop is %+v", w)
	}
	// The snapshot is the default deck, with its real card texts.
	deck := defaultDeck(t)
	if !reflect.DeepEqual(w.Deck.Cards, deck.Cards) || w.DeckEdition != deck.Edition {
		t.Error("the example's deck snapshot is not the default deck")
	}

	var teams []string
	for _, team := range f.Teams {
		if !team.Deleted {
			teams = append(teams, team.Name)
		}
	}
	if strings.Join(teams, ",") != "Bord 1,Bord 2" {
		t.Errorf("teams = %v, want Bord 1 and Bord 2", teams)
	}
	for _, p := range f.Participants {
		if p.RealName != "" {
			t.Errorf("participant %s has a real name in the example", p.Pseudonym)
		}
	}

	live := 0
	areas := map[string]bool{}
	blank := false
	fullyRated, withRole, withInteractions := 0, 0, 0
	quadrants := map[string]int{}
	for _, p := range f.Plays {
		if p.Deleted {
			continue
		}
		live++
		areas[p.Area] = true
		if p.Code == "B01" && p.Text != "" {
			blank = true
		}
		if p.Role != "" {
			withRole++
		}
		if len(p.Interactions) > 0 {
			withInteractions++
		}
		current := game.Current(f.Ratings, p.ID, game.RaterTeam)
		if len(current) == len(w.Deck.Criteria) {
			fullyRated++
			customer := float64(current["desirability"].Value+current["usability"].Value) / 2
			organisation := float64(current["profitability"].Value+current["feasibility"].Value) / 2
			quadrants[map[[2]bool]string{
				{true, true}: "do now", {true, false}: "make feasible",
				{false, true}: "make desirable", {false, false}: "park",
			}[[2]bool{customer > 3, organisation > 3}]]++
		}
	}
	if live < 12 {
		t.Errorf("%d plays, want at least 12", live)
	}
	if len(areas) != 4 {
		t.Errorf("plays lie in %v, want all four areas", areas)
	}
	if !blank {
		t.Error("no blank card B01 with the team's own text")
	}
	if fullyRated*4 < live*3 || withRole*4 < live*3 || withInteractions*4 < live*3 {
		t.Errorf("of %d plays, %d are rated on every criterion, %d have a role, %d interactions; want most", live, fullyRated, withRole, withInteractions)
	}
	if len(quadrants) != 4 {
		t.Errorf("the plays land in the quadrants %v, want all four", quadrants)
	}

	kinds := map[string]int{}
	for _, n := range f.Notes {
		if !n.Deleted {
			kinds[n.Kind]++
		}
	}
	for _, k := range game.NoteKinds {
		if kinds[k] < 6 || kinds[k] > 8 {
			t.Errorf("%d notes of kind %s, want 6 to 8", kinds[k], k)
		}
	}
	paths := 0
	for _, p := range f.Paths {
		if p.Deleted {
			continue
		}
		paths++
		n := 0
		for _, play := range f.Plays {
			if play.PathID == p.ID && !play.Deleted {
				n++
			}
		}
		if n < 2 {
			t.Errorf("path %q has %d plays, want a chain of at least 2", p.Name, n)
		}
	}
	if paths == 0 {
		t.Error("no development path")
	}
}

// The example in docs/file-formats.md is what people copy: it must read.
func TestFileFormatDocWorkshopExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/file-formats.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- workshop example -->\n```json[^\n]*\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/file-formats.md has no json block after <!-- workshop example -->")
	}
	f, err := game.ReadFile(bytes.NewReader(m[1]))
	if err != nil {
		t.Fatalf("the workshop example does not read: %v", err)
	}
	if len(f.Workshop.Deck.Cards) != 2 || len(f.Teams) != 1 || len(f.Plays) != 1 || len(f.Ratings) != 2 || len(f.Notes) != 1 {
		t.Errorf("the example has %d cards, %d teams, %d plays, %d ratings, %d notes; want 2, 1, 1, 2, 1",
			len(f.Workshop.Deck.Cards), len(f.Teams), len(f.Plays), len(f.Ratings), len(f.Notes))
	}
}
