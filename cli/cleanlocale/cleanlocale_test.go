package cleanlocale

import "testing"

func TestIsPlain(t *testing.T) {
	for locale, want := range map[string]bool{
		"C": true, "C.UTF-8": true, "C.utf8": true, "POSIX": true,
		"en_US.UTF-8": false, "fi_FI.UTF-8": false, "sv_SE": false, "Castilian": false,
	} {
		if got := isPlain(locale); got != want {
			t.Errorf("isPlain(%q) = %v; want %v", locale, got, want)
		}
	}
}
