package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"deckhand/game"
)

// svgText is a <text> of an SVG: its group, where it stands and what it says.
type svgText struct {
	group, anchor string
	x, y          float64
	text          string
}

// svgPicture is what the tests read of an SVG.
type svgPicture struct {
	font  string
	title string
	plot  game.Rect
	texts []svgText
}

// readSVG parses the chart's SVG as XML, failing the test when it is not.
func readSVG(t *testing.T, c *Chart) svgPicture {
	t.Helper()
	var b bytes.Buffer
	if err := c.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	var pic svgPicture
	dec := xml.NewDecoder(&b)
	var groups []string
	inTitle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		attr := func(e xml.StartElement, name string) string {
			for _, a := range e.Attr {
				if a.Name.Local == name {
					return a.Value
				}
			}
			return ""
		}
		f := func(e xml.StartElement, name string) float64 {
			v, err := strconv.ParseFloat(attr(e, name), 64)
			if err != nil {
				t.Fatalf("<%s %s=%q>: %v", e.Name.Local, name, attr(e, name), err)
			}
			return v
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "svg":
				pic.font = attr(e, "font-family")
			case "g":
				groups = append(groups, attr(e, "id"))
			case "title":
				inTitle = true
			case "rect":
				if attr(e, "id") == "plot" {
					x, y := f(e, "x"), f(e, "y")
					pic.plot = game.Rect{X0: x, Y0: y, X1: x + f(e, "width"), Y1: y + f(e, "height")}
				}
			case "text":
				var s string
				if err := dec.DecodeElement(&s, &e); err != nil {
					t.Fatal(err)
				}
				pic.texts = append(pic.texts, svgText{group: groups[len(groups)-1], anchor: attr(e, "text-anchor"), x: f(e, "x"), y: f(e, "y"), text: s})
			}
		case xml.CharData:
			if inTitle {
				pic.title += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "g":
				groups = groups[:len(groups)-1]
			case "title":
				inTitle = false
			}
		}
	}
	return pic
}

// in is the texts of a group.
func (p svgPicture) in(group string) []svgText {
	var out []svgText
	for _, t := range p.texts {
		if t.group == group {
			out = append(out, t)
		}
	}
	return out
}

func inside(x, y float64, r game.Rect) bool { return x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1 }

// The SVG is XML whose words are text a slide's author can edit: every
// marker's label inside the plot where the placement put it, the axes'
// titles beside the plot, the quadrants' names in it, in the language
// asked and in the report's font.
func TestTheSVGHoldsEveryLabelInThePlotAndTheAxesTitles(t *testing.T) {
	f, res := example(t)
	c := drawn(t, f, res, Options{Lang: "fi"})
	pic := readSVG(t, c)
	if pic.font != "Liberation Sans, Arial, sans-serif" {
		t.Errorf("the SVG's font is %q", pic.font)
	}
	if pic.title != c.Title() {
		t.Errorf("the SVG is titled %q, the chart %q", pic.title, c.Title())
	}
	if pic.plot.X1 <= pic.plot.X0 || pic.plot.Y1 <= pic.plot.Y0 {
		t.Fatalf("the SVG has no plot: %+v", pic.plot)
	}
	labels := pic.in("labels")
	if len(c.plan.Marks) < 10 || len(labels) != len(c.plan.Marks) {
		t.Fatalf("%d labels for %d markers", len(labels), len(c.plan.Marks))
	}
	for _, m := range c.plan.Marks {
		found := false
		for _, l := range labels {
			// Anchored on the marker's side of the box the placement gave it.
			at := map[string]float64{"": m.LabelBox.X0, "end": m.LabelBox.X1, "middle": (m.LabelBox.X0 + m.LabelBox.X1) / 2}[l.anchor]
			if l.text == m.Label && inside(l.x, l.y, pic.plot) && math.Abs(l.x-at) < 0.01 && math.Abs(l.y-m.LabelBox.Y1) < 0.01 {
				found = true
			}
		}
		if !found {
			t.Errorf("no label %q inside the plot %+v where it was placed: %+v", m.Label, pic.plot, labels)
		}
	}
	var up, across bool
	for _, a := range pic.in("axes") {
		switch {
		case a.text == "↑ Asiakkaan näkökulma (Toivottavuus, Käytettävyys)":
			up = a.y < pic.plot.Y0 && a.x >= pic.plot.X0 && a.x < pic.plot.X1
		case a.text == "Organisaation näkökulma (Kannattavuus, Toteutettavuus) →":
			across = a.y > pic.plot.Y1 && a.anchor == "end" && math.Abs(a.x-pic.plot.X1) < 0.01
		}
	}
	if !up || !across {
		t.Errorf("the axes' titles stand above (%v) and below (%v) the plot? %+v", up, across, pic.in("axes"))
	}
	names := map[string]bool{}
	for _, q := range pic.in("quadrant-names") {
		names[q.text] = inside(q.x, q.y, pic.plot)
	}
	for _, want := range []string{"Tee nyt", "Tee toteutettavaksi", "Tee toivottavaksi", "Pysäköi"} {
		if !names[want] {
			t.Errorf("the quadrant %q is not named inside the plot: %v", want, names)
		}
	}
	if scale := pic.in("scale"); len(scale) != 10 {
		t.Errorf("the scales have %d ticks, want 1 to 5 on both", len(scale))
	}
	legend := pic.in("legend")
	if len(legend) != 3 || legend[0].text != "Bord 1" || legend[1].text != "Bord 2" || legend[2].text != "hajonta (pienin–suurin)" {
		t.Errorf("the legend says %+v", legend)
	}
}

// On a crowded matrix the SVG has the key to the numbered markers and
// the list of those left off, as the report's page has, beside the plot.
func TestTheSVGListsTheKeyAndTheMarkersLeftOff(t *testing.T) {
	f, res := crowded(t, 200)
	c := drawn(t, f, res, Options{Lang: "sv"})
	if len(c.plan.Key) == 0 || len(c.plan.Off) == 0 {
		t.Fatalf("the crowded matrix has %d numbered markers and %d left off; the test needs both", len(c.plan.Key), len(c.plan.Off))
	}
	pic := readSVG(t, c)
	for _, l := range []struct {
		group, title string
		marks        []int
	}{{"key", "Förteckning över numrerade markörer", c.plan.Key}, {"off", "Inte i matrisen: ingen plats nära deras bedömningar", c.plan.Off}} {
		texts := pic.in(l.group)
		if len(texts) == 0 || texts[0].text != l.title {
			t.Fatalf("the %s list starts %+v, want its title %q", l.group, texts, l.title)
		}
		for _, k := range l.marks {
			m := c.plan.Marks[k]
			row, want := false, m.Text+"  ↑"
			for _, tx := range texts[1:] {
				// A row too long for its column ends in "…".
				cut := strings.TrimSuffix(tx.text, "…")
				listed := strings.HasPrefix(cut, want) || cut != tx.text && len(cut) > 3 && strings.HasPrefix(want, cut)
				row = row || listed && !inside(tx.x, tx.y, pic.plot)
			}
			if !row {
				t.Errorf("%s is not listed in %s beside the plot", m.Text, l.group)
			}
		}
	}
	numbered := 0
	for _, l := range pic.in("labels") {
		if _, err := strconv.Atoi(l.text); err == nil {
			numbered++
		}
	}
	if numbered != len(c.plan.Key) {
		t.Errorf("%d numbers stand at markers, the key lists %d", numbered, len(c.plan.Key))
	}
}

// The fields are the game's quadrants, named and coloured, only when one
// axis measures the customer and the other the organisation, whichever is
// up; on two criteria of one side they are grey and unnamed, as on the
// report's page.
func TestTheFieldsAreQuadrantsOnlyOnTheTwoSides(t *testing.T) {
	f, res := example(t)
	swapped := readSVG(t, drawn(t, f, res, Options{Lang: "en", Across: "customer", Up: "organisation"}))
	at := map[string][2]bool{} // a name: right of the middle, above it
	for _, q := range swapped.in("quadrant-names") {
		at[q.text] = [2]bool{q.x > (swapped.plot.X0+swapped.plot.X1)/2, q.y < (swapped.plot.Y0+swapped.plot.Y1)/2}
	}
	for name, where := range map[string][2]bool{"Do now": {true, true}, "Make desirable": {false, true}, "Make feasible": {true, false}, "Park": {false, false}} {
		if got, ok := at[name]; !ok || got != where {
			t.Errorf("with the organisation up, %q stands right %v and high %v; want right %v and high %v (%v)", name, got[0], got[1], where[0], where[1], ok)
		}
	}
	c := drawn(t, f, res, Options{Lang: "en", Across: "usability", Up: "desirability"})
	if names := readSVG(t, c).in("quadrant-names"); len(names) != 0 {
		t.Errorf("on two of the customer's criteria the fields are named %+v", names)
	}
	if got, want := c.Title(), "Desirability × usability"; got != want {
		t.Errorf("the chart is titled %q, want %q", got, want)
	}
	var buf bytes.Buffer
	if err := c.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	grey := hex(game.FieldFill(""))
	if n := strings.Count(buf.String(), `fill="`+grey+`"`); n != 4 {
		t.Errorf("%d fields are grey (%s), want all four", n, grey)
	}
}

// A team's name is text, not markup, and a character no font has is kept
// in the SVG (whose reader may have it) and drawn as "?" in the PNG.
func TestNamesAreTextNotMarkup(t *testing.T) {
	f, _ := example(t)
	f.Teams[0].Name = `Bord <1> & "Ekorren" 🐿`
	res := game.Results(f)
	c := drawn(t, f, res, Options{Lang: "sv"})
	pic := readSVG(t, c)
	if legend := pic.in("legend"); len(legend) == 0 || legend[0].text != f.Teams[0].Name {
		t.Errorf("the legend names the first team %+v", legend)
	}
	if got := c.fonts.drawable(f.Teams[0].Name); got != `Bord <1> & "Ekorren" ?` {
		t.Errorf("the PNG draws the name as %q", got)
	}
}

// The chart writes the workshop's day as the report does, one way per
// language (words.Lang.Date).
func TestTheChartWritesTheDateAsTheReportDoes(t *testing.T) {
	f, res := example(t)
	for lang, want := range map[string]string{"fi": "12.3.2026", "sv": "2026-03-12", "en": "12 March 2026"} {
		pic := readSVG(t, drawn(t, f, res, Options{Lang: lang}))
		found := false
		for _, tx := range pic.texts {
			found = found || strings.HasSuffix(tx.text, " · "+want)
		}
		if !found {
			t.Errorf("%s: no text of the chart ends with the date %q", lang, want)
		}
	}
}

// The cards the chart cannot place, not rated on both its axes, are listed
// under it, in its language, as the report lists them under its matrix.
func TestTheChartListsTheCardsNotRated(t *testing.T) {
	f, res := example(t)
	for lang, want := range map[string][2]string{
		"fi": {"Arvioimatta:", "R23 (Bord 1; vain asiakkaan näkökulma arvioitu)"},
		"en": {"Not rated:", "R23 (Bord 1; only the customer's view rated)"},
	} {
		pic := readSVG(t, drawn(t, f, res, Options{Lang: lang}))
		var lines []string
		for _, tx := range pic.in("unrated") {
			if tx.y <= pic.plot.Y1 {
				t.Errorf("%s: %q stands over the plot's bottom", lang, tx.text)
			}
			lines = append(lines, tx.text)
		}
		if len(lines) < 2 || lines[0] != want[0] || !strings.Contains(strings.Join(lines[1:], " "), want[1]) {
			t.Errorf("%s: under the chart %q, want %q and %q", lang, lines, want[0], want[1])
		}
	}
}
