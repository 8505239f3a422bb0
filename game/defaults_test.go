package game

import "testing"

func TestProposalsAreInTheWorkshopsLanguage(t *testing.T) {
	for _, c := range []struct{ lang, tables, purposeStart string }{
		{"fi", "Pöytä 1, Pöytä 2, Pöytä 3", "Työpajan valintojen"},
		{"sv", "Bord 1, Bord 2, Bord 3", "För att anteckna"},
		{"en", "Table 1, Table 2, Table 3", "To record"},
		{"de", "Table 1, Table 2, Table 3", "To record"},
	} {
		if got := ProposedTables(c.lang, 3); got != c.tables {
			t.Errorf("ProposedTables(%s) = %q, want %q", c.lang, got, c.tables)
		}
		if got := ProposedPurpose(c.lang); len(got) < len(c.purposeStart) || got[:len(c.purposeStart)] != c.purposeStart {
			t.Errorf("ProposedPurpose(%s) = %q", c.lang, got)
		}
	}
}
