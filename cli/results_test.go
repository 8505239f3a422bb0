package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"deckhand/game"
)

// exampleDB is a database holding docs/example-workshop.json, its first
// participant given a real name, and the workshop's id.
func exampleDB(t *testing.T) (db, id string) {
	t.Helper()
	return exampleDBIn(t, "")
}

// exampleDBIn is exampleDB with the workshop held in language (its own,
// Swedish, when "").
func exampleDBIn(t *testing.T, language string) (db, id string) {
	t.Helper()
	dir := t.TempDir()
	r, err := os.Open(filepath.Join("..", "docs", "example-workshop.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := game.ReadFile(r)
	if err != nil {
		t.Fatal(err)
	}
	f.Participants[0].RealName = "Greta Gustafsson"
	if language != "" {
		f.Workshop.Language = language
	}
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, f); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "example.json")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "d.db")
	if code, out, errOut := run(t, db, "workshop", "import", file); code != ExitOK {
		t.Fatalf("import the example: %s %s", out, errOut)
	}
	return db, f.Workshop.ID
}

func TestResultsCSVOfTheExampleWorkshop(t *testing.T) {
	db, _ := exampleDB(t)
	code, out, errOut := run(t, db, "results", "--workshop", "exempel: ansvarsfull dataanvändning i kundservice")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Errorf("no BOM")
	}
	// The example workshop is Swedish: ";" between cells, for a Swedish Excel.
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 59 ratings in the file, one of them replaced by a newer one.
	if len(rows) != 59 || !slices.Equal(rows[0], game.ResultsColumns) {
		t.Fatalf("%d rows, header %v; want the header and 58 ratings", len(rows), rows[0])
	}
	raters := map[string]bool{}
	for _, r := range rows[1:] {
		raters[r[15]] = true
		if r[3] != "2026-03-12" || r[1] != "Exempelbolaget Ab" || !strings.HasSuffix(r[16], "Z") {
			t.Errorf("row %q", r)
		}
	}
	if !raters["team"] || !raters["Älgen"] || len(raters) != 5 {
		t.Errorf("raters = %v, want the team and four pseudonyms", raters)
	}
	if strings.Contains(out, "Greta Gustafsson") {
		t.Errorf("a real name is in the results")
	}
	if !strings.Contains(out, "Kundtjänsten sparar en samtalsanteckning") {
		t.Errorf("the blank card's own text is missing")
	}
}

func TestResultsJSONToAFile(t *testing.T) {
	db, id := exampleDB(t)
	file := filepath.Join(t.TempDir(), "results.json")
	code, out, errOut := run(t, db, "results", "--workshop", id, "-o", file)
	if code != ExitOK || out != "wrote "+file+": 1 workshop, 14 cards played, 58 ratings\n" {
		t.Fatalf("exit %d: %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var results []game.WorkshopResults
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatalf("format from the file name: %v\n%.200s", err, data)
	}
	if len(results) != 1 || len(results[0].Plays) != 14 || results[0].Workshop.Deck != nil || results[0].Midpoint != 3 {
		t.Fatalf("results = %+v", results)
	}
	plays := results[0].Plays
	// R11 (5 and 4) and R01 (4.5 and 4.5) both sum to 9: the higher
	// customer score first.
	if plays[0].Play.Code != "R11" || plays[1].Play.Code != "R01" || plays[0].Quadrant != game.QuadrantDoNow || plays[0].Team != "Bord 2" {
		t.Errorf("top plays: %+v, %+v", plays[0], plays[1])
	}
	// R23 is rated by its customer side only: ranked after every play
	// rated from both sides, without a quadrant.
	if last := plays[13]; last.Play.Code != "R23" || last.Quadrant != "" || !last.Customer.Rated || last.Organisation.Rated {
		t.Errorf("last play: %+v", last)
	}
	for _, p := range plays {
		if p.Play.Code == "R10" && (p.Criteria["desirability"].Raters != 5 || p.Criteria["desirability"].Min == p.Criteria["desirability"].Max) {
			t.Errorf("R10's blind ratings: %+v", p.Criteria["desirability"])
		}
	}
	if strings.Contains(string(data), "Greta Gustafsson") {
		t.Errorf("a real name is in the results")
	}
}

func TestResultsAllCompares(t *testing.T) {
	db, _ := exampleDB(t)
	code, out, errOut := run(t, db, "results", "--all", "--format", "json", "--client", "EXEMPELBOLAGET AB", "--sector", "handel",
		"--from", "2026-03-12", "--to", "2026-03-12")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc resultsAllJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Workshops) != 1 || len(doc.Workshops[0].Plays) != 14 || doc.Workshops[0].Workshop.Deck != nil || len(doc.Cards) != 14 {
		t.Fatalf("workshops %d, cards %d", len(doc.Workshops), len(doc.Cards))
	}
	if c := doc.Cards[0]; c.Code != "B01" || c.Chosen != 1 || c.Workshops != 1 || c.Rated != 1 || c.Title != "Egen rutin" {
		t.Errorf("first card = %+v", c)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "all.csv")
	if code, out, _ := run(t, db, "results", "--all", "-o", file); code != ExitOK || !strings.Contains(out, "58 ratings") {
		t.Errorf("--all to CSV: %d %q", code, out)
	}
	code, _, errOut = run(t, db, "results", "--all", "--client", "Nobody", "--to", "2026-12-31", "-o", filepath.Join(dir, "none.csv"))
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: none of the 1 workshop matches --client \"Nobody\" --to \"2026-12-31\"") {
		t.Errorf("no workshop matches: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.csv")); !os.IsNotExist(err) {
		t.Errorf("a file was written for no workshop")
	}
	if code, _, _ := run(t, db, "results", "--all", "--from", "2026-03-13"); code != ExitError {
		t.Errorf("--from after the only workshop: exit %d", code)
	}
}

func TestResultsUsageAndErrors(t *testing.T) {
	db, _ := exampleDB(t)
	for _, args := range [][]string{
		{},
		{"--workshop", "x", "--all"},
		{"--workshop", "x", "--client", "Acme"},
		{"--all", "--from", "12.3.2026"},
		{"--all", "--to", "2026-02-30"},
		{"--all", "--from", "2026-04-01", "--to", "2026-03-01"},
		{"--all", "--format", "xml"},
		{"--all", "stray"},
		{"--all", "--separator", "|"},
		{"--all", "--separator", "semicolon"},
		{"--all", "--format", "json", "--separator", ";"},
	} {
		code, _, errOut := run(t, db, append([]string{"results"}, args...)...)
		if code != ExitUsage || !strings.HasPrefix(errOut, "deckhand: ") || !strings.Contains(errOut, "usage: deckhand results") {
			t.Errorf("results %v: exit %d, %q", args, code, errOut)
		}
	}
	if code, _, errOut := run(t, db, "results", "--workshop", "nope"); code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") {
		t.Errorf("unknown workshop: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, db, "results", "--all", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.csv")); code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") {
		t.Errorf("a folder that does not exist: exit %d, %q", code, errOut)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if code, _, errOut := run(t, empty, "results", "--all"); code != ExitError || !strings.Contains(errOut, "no workshops") {
		t.Errorf("no workshops at all: exit %d, %q", code, errOut)
	}
	if code, out, _ := run(t, db, "help"); code != ExitOK || !strings.Contains(out, "results --workshop W|--all") {
		t.Errorf("help does not list results:\n%s", out)
	}
}
