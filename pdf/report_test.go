package pdf

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// reportExample reads the example workshop that docs/ ships.
func reportExample(tb testing.TB) *game.File {
	tb.Helper()
	r, err := os.Open(filepath.Join("..", "docs", "example-workshop.json"))
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	f, err := game.ReadFile(r)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// bigWorkshop is the example workshop's deck with teams teams laying
// plays routine cards between them, every one rated by the team and two
// participants.
func bigWorkshop(tb testing.TB, teams, plays int) *game.File {
	tb.Helper()
	ex := reportExample(tb)
	f := &game.File{Format: game.FileFormat, Version: game.FileVersion, Workshop: ex.Workshop}
	f.Workshop.Title = "Stor workshop med många lag"
	var routines []cards.Card
	for _, c := range f.Workshop.Deck.Cards {
		if c.Type == game.TypeRoutine {
			routines = append(routines, c)
		}
	}
	at := time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	for t := range teams {
		id := fmt.Sprintf("team-%d", t)
		f.Teams = append(f.Teams, game.Team{ID: id, Name: fmt.Sprintf("Lag %d", t+1), Position: t, Updated: at})
		for i := range 4 {
			f.Participants = append(f.Participants, game.Participant{ID: fmt.Sprintf("%s-p%d", id, i), TeamID: id, Pseudonym: fmt.Sprintf("Deltagare %d.%d", t+1, i+1), Updated: at})
		}
		for i := range 2 {
			f.Paths = append(f.Paths, game.Path{ID: fmt.Sprintf("%s-path%d", id, i), TeamID: id, Name: fmt.Sprintf("Väg %d", i+1), Position: i, Updated: at})
		}
	}
	areas := f.Workshop.Deck.Board.Areas
	for i := range plays {
		t := i % teams
		c := routines[(i*7)%len(routines)]
		p := game.Play{ID: fmt.Sprintf("play-%d", i), TeamID: fmt.Sprintf("team-%d", t), Code: c.Code, Area: areas[(i/teams)%len(areas)].Key,
			Position: i / teams / len(areas), Role: "C01", Interactions: []string{"I01", "I04"}, Updated: at}
		if i%3 == 0 {
			p.PathID = fmt.Sprintf("team-%d-path%d", t, (i/3)%2)
		}
		f.Plays = append(f.Plays, p)
		// Raters agree roughly: each criterion within one of the play's own level.
		level := map[string]int{cards.PerspectiveCustomer: 1 + rng.IntN(5), cards.PerspectiveOrganisation: 1 + rng.IntN(5)}
		for _, rater := range []string{game.RaterTeam, fmt.Sprintf("team-%d-p0", t), fmt.Sprintf("team-%d-p1", t)} {
			for _, k := range f.Workshop.Deck.Criteria {
				v := max(k.Min, min(k.Max, level[k.Perspective]+rng.IntN(3)-1))
				f.Ratings = append(f.Ratings, game.Rating{ID: fmt.Sprintf("r-%d-%s-%s", i, rater, k.Key), PlayID: p.ID, Criterion: k.Key,
					Value: v, Rater: rater, At: at})
			}
		}
		if i%10 == 0 {
			f.Notes = append(f.Notes, game.Note{ID: fmt.Sprintf("n-%d", i), TeamID: p.TeamID, PlayID: p.ID, Kind: game.NoteKinds[i/10%5],
				Text: "Anteckning om kortet " + c.Code + ": vad laget kom fram till och vem som gör vad härnäst.", At: at, Updated: at})
		}
	}
	return f
}

func printReport(t *testing.T, name string, f *game.File, r *game.WorkshopResults, o ReportOptions) (string, int) {
	t.Helper()
	if o.Paper.W == 0 {
		o.Paper = Papers["a4"]
	}
	if o.Created.IsZero() {
		o.Created = posterFixed
	}
	pages := 0
	path := posterWrite(t, name, func(w io.Writer) (err error) {
		pages, err = Report(w, f, r, o)
		return err
	})
	return path, pages
}

func TestReportOfTheExampleWorkshop(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	for _, paper := range []struct {
		name string
		w, h float64
	}{{"a4", ptA4W, ptA4H}, {"letter", 612, 792}} {
		t.Run(paper.name, func(t *testing.T) {
			path, pages := printReport(t, "report-"+paper.name+".pdf", f, res, ReportOptions{Paper: Papers[paper.name]})
			sizes := posterPages(t, path)
			if len(sizes) != pages || pages < 6 {
				t.Errorf("Report said %d pages, the PDF has %d; want at least 6 (cover, summary, matrix, ranking, notes, appendix)", pages, len(sizes))
			}
			posterCheckSize(t, sizes, paper.w, paper.h)
			posterFontsEmbedded(t, path)
			cover := posterText(t, path, 1)
			if !regexp.MustCompile(`Innehåll\s+Sammanfattning\s+2\s+Utvecklingsvägar\s+3\s+Kundens perspektiv × organisationens perspektiv\s+4\s+` +
				`Rangordning\s+5\s+De högst rankade rutinerna\s+6\s+Beslut och åtgärder\s+11\s+Idéer, farhågor och citat\s+\d+\s+Bilaga: korten som spelades\s+\d+`).MatchString(reportLayout(t, path, 1)) {
				t.Errorf("the contents on the cover are wrong:\n%s", reportLayout(t, path, 1))
			}
			posterContains(t, "cover", cover, "Workshoprapport", f.Workshop.Title, "Exempelbolaget Ab", "Handel", "2026-03-12",
				"Exempelbolagets huvudkontor, mötesrum Fyren", "Facilitator (exempel)", "4K data routines · upplaga 1",
				"Bord 1", "Bord 2", "Ekorren", "Räven", "Älgen", "Måsen", "Sälen", "juridik och dataskydd",
				"Ändamål med uppgifterna", "Sparas till", "2026-12-31", "pseudonymer")
			all := posterText(t, path, 0)
			for _, p := range f.Plays {
				if !strings.Contains(all, p.Code) {
					t.Errorf("play %s is missing from the report", p.Code)
				}
			}
			// Footer on every page.
			for i := 1; i <= pages; i++ {
				footer := regexp.MustCompile(regexp.QuoteMeta(f.Workshop.Title+" · 2026-03-12") + fmt.Sprintf(` +sida %d/%d\s*$`, i, pages))
				if s := reportLayout(t, path, i); !footer.MatchString(s) {
					t.Errorf("page %d has no footer with the title, date and page:\n%s", i, s)
				}
			}
			posterContains(t, "summary", posterText(t, path, 2), "Sammanfattning", "Insamling", "Användning", "Kommunikation", "Utveckling")
			posterContains(t, "paths", posterText(t, path, 3), "Utvecklingsvägar", "Öppen redovisning av kunddata:", "Kunden styr sina egna data:")
			matrix := posterText(t, path, 4)
			posterContains(t, "matrix", matrix, "Gör nu", "Gör genomförbart", "Gör önskvärt", "Parkera",
				"Kundens perspektiv (Önskvärdhet, Användbarhet)", "Organisationens perspektiv (Lönsamhet, Genomförbarhet)")
			for _, p := range res.Plays {
				if p.Quadrant != "" && !strings.Contains(matrix, p.Play.Code) {
					t.Errorf("rated play %s has no label on the matrix", p.Play.Code)
				}
			}
			posterContains(t, "decisions", all, "Beslut och åtgärder", "Födelsedatum och telefonnummer blir frivilliga fält",
				"Idéer, farhågor och citat", "Hela workshopen", "Bilaga: korten som spelades", "Kundtjänsten sparar en samtalsanteckning")
			if strings.Contains(all, "dagen efter samtalet.” ") && strings.Count(all, "Samtalsanteckningen kunde visas") > 1 {
				t.Error("a deleted note is in the report")
			}
		})
	}
}

func TestReportPathsFollowPositions(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	path, _ := printReport(t, "report-paths.pdf", f, game.Results(f), ReportOptions{Lang: "en"})
	all := posterText(t, path, 0)
	// R01 (collection, 0), R29 (communication, 1), R25 (collection, 2).
	posterContains(t, "paths", all, "Development paths", "Öppen redovisning av kunddata: R01 → R29 → R25",
		"Kunden styr sina egna data: R10 → R11 → R13 → R15")
}

func TestReportInEnglishAndFinnish(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	cases := map[string][]string{
		"en": {"Workshop report", "Do now", "Make feasible", "Make desirable", "Park", "Ranking", "Decisions and actions", "page 1/", "Customer's view (Desirability, Usability)"},
		"fi": {"Työpajaraportti", "Tee nyt", "Tee toteutettavaksi", "Tee toivottavaksi", "Pysäköi", "Paremmuusjärjestys", "sivu 1/", "Keruu"},
	}
	for lang, wants := range cases {
		path, _ := printReport(t, "report-"+lang+".pdf", f, res, ReportOptions{Lang: lang})
		posterContains(t, lang, posterText(t, path, 0), wants...)
	}
	// The card titles are the deck's in the report's language, not the workshop's.
	path, _ := printReport(t, "report-en-titles.pdf", f, res, ReportOptions{Lang: "en"})
	c, _ := f.Workshop.Card("R01")
	posterContains(t, "en titles", posterText(t, path, 0), c.Title["en"])
}

func TestReportNamesOnlyWhenAsked(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	real := map[string]string{f.Participants[0].ID: "Karin Verkligsson"}
	f.Participants[1].RealName = "Olle Riktignamn" // a file exported with names
	path, _ := printReport(t, "report-pseudonyms.pdf", f, res, ReportOptions{RealNames: real})
	all := posterText(t, path, 0)
	posterContains(t, "pseudonyms", all, "Ekorren", "Räven", "Lodjuret")
	for _, name := range []string{"Karin Verkligsson", "Olle Riktignamn"} {
		if strings.Contains(all, name) {
			t.Errorf("the real name %q is in a report without IncludeNames", name)
		}
	}
	path, _ = printReport(t, "report-names.pdf", f, res, ReportOptions{RealNames: real, IncludeNames: true})
	posterContains(t, "names", posterText(t, path, 1), "Ekorren – Karin Verkligsson", "Räven – Olle Riktignamn", "riktiga namn")
}

func TestReportShowsUnratedPlaysAsNotRated(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	var r39, r15 string
	for _, p := range f.Plays {
		switch p.Code {
		case "R39":
			r39 = p.ID
		case "R15":
			r15 = p.ID
		}
	}
	// R39 has no ratings at all, R15 only the customer's.
	var kept []game.Rating
	for _, r := range f.Ratings {
		if r.PlayID == r39 || (r.PlayID == r15 && (r.Criterion == "profitability" || r.Criterion == "feasibility")) {
			continue
		}
		kept = append(kept, r)
	}
	f.Ratings = kept
	res := game.Results(f)
	path, pages := printReport(t, "report-unrated.pdf", f, res, ReportOptions{Lang: "en"})
	matrix := reportPartText(t, path, "Customer's view × organisation's view")
	posterContains(t, "matrix", matrix, "Not rated:", "R39", "R15", "only the customer's view rated")
	table := reportTablePages(t, path, pages)
	// R39's row: no rank, no scores, not rated; R15's: no rank, no quadrant.
	if !regexp.MustCompile(`(?m)^\s*– +R39 .* – +– +not rated`).MatchString(table) {
		t.Errorf("R39's row does not read as not rated:\n%s", table)
	}
	if !regexp.MustCompile(`(?m)^\s*– +R15 .*\d\.\d +– +–`).MatchString(table) {
		t.Errorf("R15's row does not read as half rated:\n%s", table)
	}
	if strings.Contains(table, "0.0") || strings.Contains(table, "n=0") {
		t.Errorf("an unrated score printed as a number:\n%s", table)
	}
}

// reportLayout is the text of a page as pdftotext lays it out, columns
// kept apart on each line.
func reportLayout(t *testing.T, path string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	return posterRun(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, path, "-")
}

// reportContents reads the contents on a report's cover: each part's
// title and the page it starts on.
func reportContents(t *testing.T, path string) map[string]int {
	t.Helper()
	parts := map[string]int{}
	cover := reportLayout(t, path, 1)
	var list string
	for _, lang := range []string{"sv", "en", "fi"} {
		if _, list, _ = strings.Cut(cover, "\n"+printed(lang, "Contents")+"\n"); list != "" {
			break
		}
	}
	for _, m := range regexp.MustCompile(`(?m)^(\S.*?)\s{2,}(\d+)$`).FindAllStringSubmatch(list, -1) {
		parts[m[1]], _ = strconv.Atoi(m[2])
	}
	if len(parts) == 0 {
		t.Fatalf("no contents on the cover:\n%s", cover)
	}
	return parts
}

// reportPartText is the text of the page the part titled title starts on, as
// the cover's contents give it.
func reportPartText(t *testing.T, path, title string) string {
	t.Helper()
	page, ok := reportContents(t, path)[title]
	if !ok {
		t.Fatalf("no part %q in the contents: %v", title, reportContents(t, path))
	}
	return posterText(t, path, page)
}

// reportTablePages is the laid-out text of the pages of the ranked table.
func reportTablePages(t *testing.T, path string, pages int) string {
	t.Helper()
	var out string
	for i := 1; i <= pages; i++ {
		if s := reportLayout(t, path, i); regexp.MustCompile(`(?m)^\s*# +(Code|Kod)`).MatchString(s) {
			out += s
		}
	}
	return out
}

func TestReportSurvivesTextTheFontCannotDraw(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	f.Teams[0].Name = "Bord 1 🚀"
	f.Notes[0].Text = "Kunden ❤️ appen 😀 — 𝄞"
	f.Workshop.Title += " 🎉"
	path, pages := printReport(t, "report-emoji.pdf", f, game.Results(f), ReportOptions{})
	if pages < 6 {
		t.Fatalf("%d pages", pages)
	}
	posterContains(t, "emoji", posterText(t, path, 0), "Bord 1 ?", "Kunden ?")
}

func TestReportTableHeadRepeatsOnEveryPage(t *testing.T) {
	posterNeedPoppler(t)
	f := bigWorkshop(t, 8, 200)
	path, pages := printReport(t, "report-big.pdf", f, game.Results(f), ReportOptions{Paper: Papers["letter"]})
	head := regexp.MustCompile(`#\s+Kod\s+Rutin\s+Bord · område\s+Kund\s+Organisation\s+Kvadrant`)
	tablePages := 0
	for i := 1; i <= pages; i++ {
		s := reportLayout(t, path, i)
		if !strings.HasPrefix(strings.TrimSpace(s), "Rangordning") {
			continue
		}
		tablePages++
		if !head.MatchString(s) {
			t.Errorf("table page %d has no head:\n%s", i, s)
		}
		if tablePages > 1 && !strings.Contains(s, "Rangordning (forts.)") {
			t.Errorf("table page %d does not say the table continues", i)
		}
	}
	if tablePages < 3 {
		t.Errorf("200 plays on %d table pages; want the table to run over several", tablePages)
	}
	all := posterText(t, path, 0)
	posterContains(t, "big", all, "Lag 8", "Deltagare 8.4", "Insamling (forts.)")
	for _, p := range f.Plays {
		if !strings.Contains(all, p.Code) {
			t.Errorf("play %s is missing", p.Code)
		}
	}
}

func TestReportRefusesWhatItCannotPrint(t *testing.T) {
	f := reportExample(t)
	if _, err := Report(io.Discard, f, game.Results(f), ReportOptions{}); err == nil {
		t.Error("no paper: want an error")
	}
	if _, err := Report(io.Discard, f, nil, ReportOptions{Paper: Papers["a4"]}); err == nil {
		t.Error("no results: want an error")
	}
	f.Workshop.Deck = nil
	if _, err := Report(io.Discard, f, &game.WorkshopResults{}, ReportOptions{Paper: Papers["a4"]}); err == nil {
		t.Error("no deck: want an error")
	}
}

func TestReportOfAnEmptyWorkshop(t *testing.T) {
	f := reportExample(t)
	f.Plays, f.Ratings, f.Notes, f.Paths, f.Participants = nil, nil, nil, nil, nil
	pages, err := Report(io.Discard, f, game.Results(f), ReportOptions{Paper: Papers["a4"]})
	if err != nil || pages < 5 {
		t.Errorf("an empty workshop: %d pages, %v", pages, err)
	}
}

// TestReportPrintsScoresAsGiven prints hand-made results, so what the
// report shows does not depend on how game computes them.
func TestReportPrintsScoresAsGiven(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	byCode := map[string]game.Play{}
	for _, p := range f.Plays {
		byCode[p.Code] = p
	}
	res := &game.WorkshopResults{Workshop: f.Workshop, Midpoint: 3, Plays: []game.PlayResult{
		{Play: byCode["R13"], Team: "Bord 2", Customer: game.Score{Mean: 13.0 / 3, Min: 3, Max: 5, Raters: 3, Rated: true, Team: true, Participants: 2},
			Organisation: game.Score{Mean: 4, Min: 4, Max: 4, Raters: 1, Rated: true, Team: true}, Quadrant: game.QuadrantDoNow},
		{Play: byCode["R03"], Team: "Bord 1", Customer: game.Score{Mean: 1.5, Min: 1, Max: 2, Raters: 2, Rated: true, Participants: 2},
			Organisation: game.Score{Mean: 2.25, Min: 2, Max: 3, Raters: 2, Rated: true, Participants: 2}, Quadrant: game.QuadrantPark},
		{Play: byCode["R39"], Team: "Bord 2"},
	}}
	for lang, want := range map[string][]string{
		// A mean's brackets too wide beside it are under it.
		"en": {"1 R13", "4.3", "(3–5, the table and 2 participants)", "4.0", "Do now", "2 R03", "1.5", "(1–2, mean of 2 participants)", "2.3", "(2–3, mean of 2 participants)", "Park"},
		"sv": {"1 R13", "4,3", "(3–5, bordet och 2 deltagare)", "4,0", "Gör nu", "1,5", "(1–2, medelvärdet av 2 deltagare)", "Parkera"},
	} {
		path, pages := printReport(t, "report-given-"+lang+".pdf", f, res, ReportOptions{Lang: lang})
		table := reportTablePages(t, path, pages)
		for _, w := range want {
			if !strings.Contains(table, w) {
				t.Errorf("%s: %q is missing from the table:\n%s", lang, w, table)
			}
		}
		if !regexp.MustCompile(`(?m)^\s*– +R39 .* – +– +(not rated|ej bedömd)`).MatchString(table) {
			t.Errorf("%s: R39 is not shown as not rated:\n%s", lang, table)
		}
		// Only the rated plays are on the matrix; R39 is listed under it.
		matrix := reportPartText(t, path, map[string]string{"en": "Customer's view × organisation's view", "sv": "Kundens perspektiv × organisationens perspektiv"}[lang])
		posterContains(t, "matrix "+lang, matrix, "R13", "R03", "R39")
	}
}

// BenchmarkReport200 builds the results of a workshop of 8 teams and 200
// rated plays and prints its report.
func BenchmarkReport200(b *testing.B) {
	f := bigWorkshop(b, 8, 200)
	o := ReportOptions{Paper: Papers["a4"], Created: posterFixed}
	pages := 0
	for b.Loop() {
		res := game.Results(f)
		n, err := Report(io.Discard, f, res, o)
		if err != nil {
			b.Fatal(err)
		}
		pages = n
	}
	b.ReportMetric(float64(pages), "pages")
}

// TestReportTakesLongTexts prints the longest texts the game allows:
// titles and names of 120 characters, notes and a blank card's routine
// of 2000.
func TestReportTakesLongTexts(t *testing.T) {
	posterNeedPoppler(t)
	f := bigWorkshop(t, 8, 40)
	long := func(n int) string {
		return strings.Repeat("Ansvarsfull dataanvändning tillsammans med kunderna ", n/52+1)[:n]
	}
	f.Workshop.Title = long(120)
	f.Workshop.Place, f.Workshop.Purpose, f.Workshop.Notes = long(120), long(2000), long(2000)
	for i := range f.Teams {
		f.Teams[i].Name = fmt.Sprintf("%d %s", i+1, long(110))
		f.Teams[i].NoteTaker = long(60)
	}
	for i := range f.Paths {
		f.Paths[i].Name = long(120)
	}
	for i := range f.Participants {
		f.Participants[i].Role = long(80)
	}
	f.Plays[3].Code, f.Plays[3].Text = "B01", long(2000)
	for i := range f.Notes {
		f.Notes[i].Text = long(2000)
	}
	f.Notes = append(f.Notes, game.Note{ID: "unbroken", Kind: game.NoteDecision, Text: strings.Repeat("x", 400)})
	path, pages := printReport(t, "report-long.pdf", f, game.Results(f), ReportOptions{})
	if pages < 8 {
		t.Errorf("%d pages", pages)
	}
	posterCheckSize(t, posterPages(t, path), ptA4W, ptA4H)
	posterContains(t, "long", posterText(t, path, pages), fmt.Sprintf("sida %d/%d", pages, pages), "…")
}
