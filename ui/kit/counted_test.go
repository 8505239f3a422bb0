package kit

import "testing"

func TestPluralTakesTheFormOfItsNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{1, "Import 1 card from a.csv"}, {0, "Import 0 cards from a.csv"}, {3, "Import 3 cards from a.csv"}} {
		if got := Plural(c.n, "Import 1 card from %s", "Import %d cards from %s", "a.csv"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
