package pdf

import "testing"

// The counts printing.md promises, with the default 5 mm margin.
func TestPlanGridFitsTheMostCards(t *testing.T) {
	cases := []struct {
		card, paper string
		bleed       float64
		layout      string
		want        int
		rotated     bool
	}{
		{"poker", "a4", 0, LayoutButted, 9, false},
		{"poker", "a4", 3, LayoutButted, 9, false},
		{"poker", "a4", 3, LayoutGapped, 8, true},
		{"poker", "letter", 0, LayoutButted, 9, false},
		{"poker", "letter", 3, LayoutGapped, 6, true},
		{"bridge", "a4", 0, LayoutButted, 10, true},
		{"tarot", "a4", 0, LayoutButted, 4, false},
		{"mini", "a4", 0, LayoutButted, 18, true},
		{"poker", "a3", 0, LayoutButted, 18, true},
	}
	for _, c := range cases {
		g, err := planGrid(Papers[c.paper], CardSizes[c.card], 5, c.bleed, c.layout)
		if err != nil {
			t.Fatal(err)
		}
		if g.perPage() != c.want || g.rotated != c.rotated {
			t.Errorf("%s on %s, bleed %g, %s: %d cards (rotated %v), want %d (rotated %v)",
				c.card, c.paper, c.bleed, c.layout, g.perPage(), g.rotated, c.want, c.rotated)
		}
		x, y, w, h := g.trim()
		if x-g.bleed < 5-1e-9 || y-g.bleed < 5-1e-9 || x+w+g.bleed > g.page.W-5+1e-9 || y+h+g.bleed > g.page.H-5+1e-9 {
			t.Errorf("%s on %s: block with bleed leaves the printable area: %g,%g %g×%g", c.card, c.paper, x, y, w, h)
		}
		if d := (x + x + w) / 2; d < g.page.W/2-1e-6 || d > g.page.W/2+1e-6 {
			t.Errorf("%s on %s: block not centred (centre %g)", c.card, c.paper, d)
		}
	}
	if _, err := planGrid(Papers["a4"], Size{"huge", 250, 250}, 5, 0, LayoutButted); err == nil {
		t.Error("a card larger than the paper was planned")
	}
}
