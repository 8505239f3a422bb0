package pdf

import "testing"

func TestPrintableKeepsNordicLettersAndReplacesWhatTheFontLacks(t *testing.T) {
	cases := []struct {
		in, out string
		bad     int
	}{
		{"Åtgärd för översikt – “kund”", "Åtgärd för översikt – “kund”", 0},
		{"Kehittäminen\nja käyttö", "Kehittäminen\nja käyttö", 0},
		{"Data 📊 balance", "Data ? balance", 1},
		{"漢字", "??", 2},
		{"bell\x07", "bell?", 1},
	}
	for _, c := range cases {
		got, bad := printable(c.in)
		if got != c.out || len(bad) != c.bad {
			t.Errorf("printable(%q) = %q with %d bad, want %q with %d", c.in, got, len(bad), c.out, c.bad)
		}
	}
	if coverageErr != nil {
		t.Fatalf("font character map: %v", coverageErr)
	}
}
