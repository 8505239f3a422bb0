package pdf

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"deckhand/game"
)

// The report tells the method's whole story: the roles and interaction
// cards linked to each routine, the development paths step by step, the
// decisions and actions apart, a page per top routine, and the matrix of
// the axes chosen.

// exampleTitle is a card's title in the example's deck, in lang.
func exampleTitle(t *testing.T, f *game.File, code, lang string) string {
	t.Helper()
	c, ok := f.Workshop.Card(code)
	if !ok {
		t.Fatalf("the example's deck has no card %s", code)
	}
	return c.Title[lang]
}

// exampleLinks is what the report says a team linked to a play, in
// Swedish: "Kundens roll: Uppgiftslämnare · Interaktion: Datastig med kunden".
func exampleLinks(t *testing.T, f *game.File, p game.Play) string {
	t.Helper()
	role, ways := "–", "–"
	if p.Role != "" {
		role = exampleTitle(t, f, p.Role, "sv")
	}
	var titles []string
	for _, code := range p.Interactions {
		titles = append(titles, exampleTitle(t, f, code, "sv"))
	}
	if len(titles) > 0 {
		ways = strings.Join(titles, ", ")
	}
	return "Kundens roll: " + role + " · Interaktion: " + ways
}

// pagesText is the text of pages from to to (inclusive).
func pagesText(t *testing.T, path string, from, to int) string {
	t.Helper()
	var out []string
	for p := from; p <= to; p++ {
		out = append(out, posterText(t, path, p))
	}
	return strings.Join(out, " ")
}

func TestReportSummaryGivesEachPlaysRoleAndInteractionCards(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	path, _ := printReport(t, "report-links.pdf", f, game.Results(f), ReportOptions{})
	parts := reportContents(t, path)
	summary := pagesText(t, path, parts["Sammanfattning"], parts["Utvecklingsvägar"]-1)
	linked := 0
	for _, p := range f.Plays {
		if p.Deleted {
			continue
		}
		if p.Role != "" || len(p.Interactions) > 0 {
			linked++
		}
		posterContains(t, "summary of "+p.Code, summary, exampleLinks(t, f, p))
	}
	if linked < 10 {
		t.Errorf("only %d of the example's plays have a role or interaction cards; the test wants most", linked)
	}
}

func TestReportListsEachPathWithItsRoutinesInOrder(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	path, _ := printReport(t, "report-path-steps.pdf", f, game.Results(f), ReportOptions{})
	parts := reportContents(t, path)
	page := parts["Utvecklingsvägar"]
	if page == 0 || parts["Sammanfattning"] >= page {
		t.Fatalf("the development paths are no part of their own after the summary: %v", parts)
	}
	layout := reportLayout(t, path, page)
	text := posterText(t, path, page)
	areas := map[string]string{"collection": "Insamling", "use": "Användning", "communication": "Kommunikation", "development": "Utveckling"}
	steps := map[string][]string{"Öppen redovisning av kunddata": {"R01", "R29", "R25"}, "Kunden styr sina egna data": {"R10", "R11", "R13", "R15"}}
	byCode := map[string]game.Play{}
	for _, p := range f.Plays {
		byCode[p.Code] = p
	}
	for name, codes := range steps {
		posterContains(t, "paths", text, name+": "+strings.Join(codes, " → "))
		at := strings.Index(layout, name)
		for i, code := range codes {
			p := byCode[code]
			step := regexp.MustCompile(fmt.Sprintf(`(?m)^\s*%d\.\s+%s\s+%s\s+%s`, i+1, areas[p.Area], code, regexp.QuoteMeta(exampleTitle(t, f, code, "sv"))))
			loc := step.FindStringIndex(layout)
			if loc == nil || loc[0] < at {
				t.Errorf("path %q: step %d (%s) is missing or out of order:\n%s", name, i+1, code, layout)
				continue
			}
			at = loc[0]
			posterContains(t, "path step "+code, text, exampleLinks(t, f, p))
		}
	}
}

func TestReportPutsDecisionsAndActionsBeforeOtherNotes(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	path, _ := printReport(t, "report-decisions.pdf", f, game.Results(f), ReportOptions{})
	parts := reportContents(t, path)
	first, others := parts["Beslut och åtgärder"], parts["Idéer, farhågor och citat"]
	if first == 0 || others <= first {
		t.Fatalf("decisions and actions are not a part of their own before the other notes: %v", parts)
	}
	decisions := pagesText(t, path, first, others-1)
	rest := pagesText(t, path, others, parts["Bilaga: korten som spelades"]-1)
	plays := map[string]game.Play{}
	for _, p := range f.Plays {
		plays[p.ID] = p
	}
	teams := map[string]game.Team{}
	for _, tm := range f.Teams {
		teams[tm.ID] = tm
	}
	lastDecision, firstAction := -1, len(decisions)
	for _, n := range f.Notes {
		text := strings.Join(strings.Fields(n.Text), " ")
		switch {
		case n.Deleted:
		case n.Kind == game.NoteDecision || n.Kind == game.NoteAction:
			i := strings.Index(decisions, text)
			if i < 0 {
				t.Errorf("the %s %q is not among the decisions and actions", n.Kind, n.Text)
				continue
			}
			if n.Kind == game.NoteDecision {
				lastDecision = max(lastDecision, i)
			} else {
				firstAction = min(firstAction, i)
			}
			if strings.Contains(rest, text) {
				t.Errorf("the %s %q is among the other notes too", n.Kind, n.Text)
			}
			// With the table's note-taker, and the card it is about.
			if tm, ok := teams[n.TeamID]; ok {
				posterContains(t, "decision's team", decisions, tm.Name+" Sekreterare: "+tm.NoteTaker)
			}
			if p, ok := plays[n.PlayID]; ok && p.Text == "" {
				posterContains(t, "decision's card", decisions, text+" "+p.Code+" "+exampleTitle(t, f, p.Code, "sv"))
			}
		default:
			if strings.Contains(decisions, text) {
				t.Errorf("the %s %q is among the decisions and actions", n.Kind, n.Text)
			}
			posterContains(t, "other notes", rest, text)
		}
	}
	if lastDecision > firstAction {
		t.Error("an action comes before a decision")
	}
}

// exampleTop are the codes of the n best-ranked routines of the example,
// in the ranking's order.
func exampleTop(res *game.WorkshopResults, n int) []game.PlayResult {
	var top []game.PlayResult
	seen := map[string]bool{}
	for _, p := range res.Plays {
		if p.Rated() && !seen[p.Play.Code] && len(top) < n {
			seen[p.Play.Code] = true
			top = append(top, p)
		}
	}
	return top
}

func TestReportGivesEachTopRoutineAPage(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	_, none := printReport(t, "report-top-none.pdf", f, res, ReportOptions{Top: -1})
	for _, n := range []int{0, 3} {
		want := n
		if n == 0 {
			want = DefaultTop
		}
		path, pages := printReport(t, fmt.Sprintf("report-top-%d.pdf", n), f, res, ReportOptions{Top: n})
		if pages != none+want {
			t.Errorf("Top %d: %d pages, %d without the top routines; want %d more", n, pages, none, want)
		}
		parts := reportContents(t, path)
		first := parts["De högst rankade rutinerna"]
		if first == 0 || parts["Beslut och åtgärder"] != first+want {
			t.Fatalf("Top %d: the top routines are not %d pages before the decisions: %v", n, want, parts)
		}
		for i, p := range exampleTop(res, want) {
			page := posterText(t, path, first+i)
			c, _ := f.Workshop.Card(p.Play.Code)
			wants := []string{fmt.Sprintf("De högst rankade rutinerna · %d av %d", i+1, want), p.Play.Code + " " + c.Title["sv"], c.Body["sv"],
				"Område", "Typ", "Datarutin", "Önskvärdhet", "Användbarhet", "Lönsamhet", "Genomförbarhet",
				p.Team}
			if p.Play.Role != "" {
				wants = append(wants, exampleTitle(t, f, p.Play.Role, "sv"))
			}
			for _, code := range p.Play.Interactions {
				wants = append(wants, exampleTitle(t, f, code, "sv"))
			}
			if p.Path != "" {
				wants = append(wants, p.Path+": ")
			} else {
				wants = append(wants, "Kortet ingår inte i någon utvecklingsväg.")
			}
			for _, note := range f.Notes {
				if note.PlayID == p.Play.ID && !note.Deleted {
					wants = append(wants, note.Text)
				}
			}
			mean, spread := (&report{lang: "sv"}).score(p.Criteria["desirability"])
			posterContains(t, fmt.Sprintf("Top %d, page %d", n, i+1), page, append(wants, mean+" "+spread)...)
		}
	}
}

func TestReportTopRoutineShowsEveryTableThatPlayedIt(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	var r11 game.Play
	for _, p := range f.Plays {
		if p.Code == "R11" {
			r11 = p
		}
	}
	// Bord 1 lays R11 too, with another role, and rates it lower.
	other := r11
	other.ID, other.TeamID, other.PathID, other.Role, other.Interactions = "bord1-r11", f.Teams[0].ID, "", "C03", []string{"I06"}
	f.Plays = append(f.Plays, other)
	for i, k := range f.Workshop.Deck.Criteria {
		f.Ratings = append(f.Ratings, game.Rating{ID: fmt.Sprintf("bord1-r11-%d", i), PlayID: other.ID, Criterion: k.Key, Value: 2,
			Rater: game.RaterTeam, At: f.Ratings[0].At})
	}
	res := game.Results(f)
	path, _ := printReport(t, "report-top-tables.pdf", f, res, ReportOptions{Top: 1})
	page := reportPartText(t, path, "De högst rankade rutinerna")
	posterContains(t, "R11", page, "R11 "+exampleTitle(t, f, "R11", "sv"), "Bord 1", "Bord 2", "2,0", "5,0",
		exampleTitle(t, f, "C03", "sv"), exampleTitle(t, f, "C06", "sv"), exampleTitle(t, f, "I06", "sv"), exampleTitle(t, f, "I04", "sv"),
		"Parkera", "Gör nu")
}

func TestReportMatrixFollowsTheChosenAxes(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	for _, c := range []struct {
		lang, across, up string
		wants            []string
		quadrants        bool
	}{
		{"sv", "", "", []string{"Kundens perspektiv × organisationens perspektiv", "↑ Kundens perspektiv (Önskvärdhet, Användbarhet)",
			"Organisationens perspektiv (Lönsamhet, Genomförbarhet) →"}, true},
		{"sv", "feasibility", "desirability", []string{"Önskvärdhet × genomförbarhet", "↑ Önskvärdhet (kundens perspektiv)",
			"Genomförbarhet (organisationens perspektiv) →"}, true},
		{"fi", "feasibility", "desirability", []string{"Toivottavuus × toteutettavuus", "↑ Toivottavuus (asiakkaan näkökulma)"}, true},
		{"en", "customer", "organisation", []string{"Organisation's view × customer's view", "↑ Organisation's view (Profitability, Feasibility)",
			"Customer's view (Desirability, Usability) →"}, true},
		{"en", "desirability", "usability", []string{"Usability × desirability", "↑ Usability (customer's view)"}, false},
	} {
		name := fmt.Sprintf("report-axes-%s-%s-%s.pdf", c.lang, c.across, c.up)
		path, _ := printReport(t, name, f, res, ReportOptions{Lang: c.lang, Across: c.across, Up: c.up})
		matrix := reportPartText(t, path, c.wants[0])
		posterContains(t, name, matrix, c.wants...)
		if got := strings.Contains(matrix, said(c.lang, game.QuadrantWord(game.QuadrantDoNow))); got != c.quadrants {
			t.Errorf("%s: the quadrants' names are on the matrix: %v, want %v", name, got, c.quadrants)
		}
	}
	// The markers stand at the chosen criteria's scores.
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	r := newReport(m, f, res, ReportOptions{Paper: Papers["a4"], Across: "feasibility", Up: "desirability"})
	r.cover()
	r.matrix()
	for _, mark := range r.matrixPlan.Marks {
		p := r.plays[r.matrixPlays[mark.Points[0]]]
		x, y := r.matrixFrame.PosX(p.Criteria["feasibility"].Mean), r.matrixFrame.PosY(p.Criteria["desirability"].Mean)
		if far := 16 * dotRadius; !mark.Off && (abs(mark.X-x) > far || abs(mark.Y-y) > far) {
			t.Errorf("%s stands at (%.0f, %.0f), its feasibility and desirability at (%.0f, %.0f)", p.Play.Code, mark.X, mark.Y, x, y)
		}
	}
	if _, err := Report(io.Discard, f, res, ReportOptions{Paper: Papers["a4"], Up: "price"}); err == nil || !strings.Contains(err.Error(), "price") {
		t.Errorf("an axis the deck does not have: %v, want a refusal naming it", err)
	}
}
