package pdf

import (
	"regexp"
	"strings"
	"testing"

	"deckhand/game"
)

// A score says what it is: the table's joint rating alone is a number
// alone, without a range of one value or an n of one; a score the table
// and its participants rated blind says so, with its range; the ranking's
// quadrant column holds the longest quadrant's name on one line.
func TestReportScoresSayWhatTheyAreAndQuadrantsDoNotWrap(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	path, pages := printReport(t, "report-scores-fi.pdf", f, res, ReportOptions{Lang: "fi"})
	table := ""
	for page := 1; page <= pages; page++ {
		if text := reportLayout(t, path, page); regexp.MustCompile(`(?m)^\s*# +Koodi`).MatchString(text) {
			table += text
		}
	}
	rows, under := map[string]string{}, map[string]string{} // a row's first line, and the next
	lines := strings.Split(table, "\n")
	for i, line := range lines {
		if m := regexp.MustCompile(`^\S+\s+([RB]\d\d)\s`).FindStringSubmatch(line); m != nil && i+1 < len(lines) {
			rows[m[1]], under[m[1]] = line, lines[i+1]
		}
	}
	if row := rows["R11"]; !regexp.MustCompile(`\s5,0\s+4,0\s`).MatchString(row) {
		t.Errorf("R11, rated by its table alone, is listed as %q: want its two numbers alone", row)
	}
	if row := rows["R10"]; !strings.Contains(row, " 4,2 ") || !strings.Contains(row+under["R10"], "(3–5, pöytä ja 4 osallistujaa)") {
		t.Errorf("R10, rated by its table and four participants, is listed as %q / %q", row, under["R10"])
	}
	for page := 1; page <= pages; page++ {
		if text := posterText(t, path, page); regexp.MustCompile(`n=1\b`).MatchString(text) {
			t.Errorf("page %d gives a range and n of a single rating", page)
		}
	}
	for _, code := range []string{"R10", "R15", "R17", "R29", "B01"} {
		if !strings.Contains(rows[code], "Tee toteutettavaksi") {
			t.Errorf("%s's quadrant is not on its row's line: %q", code, rows[code])
		}
	}
}
