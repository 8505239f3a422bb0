package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
)

// header is the header line a results CSV with sep between its cells
// starts with, after its byte order mark.
func header(sep string) string { return "\uFEFF" + strings.Join(game.ResultsColumns, sep) + "\n" }

// clearLocale leaves the environment without a locale, then sets the
// variables in env.
func clearLocale(t *testing.T, env map[string]string) {
	t.Helper()
	for _, name := range []string{"LC_ALL", "LC_NUMERIC", "LC_COLLATE", "LANG"} {
		t.Setenv(name, env[name])
	}
}

// A workshop's results CSV has the separator its language's Excel opens
// in columns: ";" in Swedish and Finnish, "," in English, whatever the
// environment says; --separator overrides it.
func TestResultsCSVSeparatorFollowsTheWorkshopsLanguage(t *testing.T) {
	clearLocale(t, map[string]string{"LANG": "en_US.UTF-8"})
	for _, tt := range []struct {
		language string
		args     []string
		want     string
	}{
		{"sv", nil, ";"},
		{"fi", nil, ";"},
		{"en", nil, ","},
		{"sv", []string{"--separator", ","}, ","},
		{"en", []string{"--separator", ";"}, ";"},
		{"fi", []string{"--separator", "tab"}, "\t"},
		{"en", []string{"--separator", "\t", "--format", "csv"}, "\t"},
	} {
		db, id := exampleDBIn(t, tt.language)
		code, out, errOut := run(t, db, append([]string{"results", "--workshop", id}, tt.args...)...)
		if code != ExitOK {
			t.Fatalf("%s %v: exit %d: %s", tt.language, tt.args, code, errOut)
		}
		if !strings.HasPrefix(out, header(tt.want)) {
			t.Errorf("%s %v: the CSV starts %.60q, want %q between cells", tt.language, tt.args, out, tt.want)
		}
	}
}

// "results --all", of workshops that may be in several languages, takes
// the separator of the environment's language for numbers (LC_ALL, else
// LC_NUMERIC, else LANG), "," without one; --separator overrides it.
func TestResultsAllCSVSeparatorFollowsTheEnvironment(t *testing.T) {
	db, _ := exampleDBIn(t, "sv")
	file := filepath.Join(t.TempDir(), "all.csv")
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"LANG": "sv_SE.UTF-8"}, nil, ";"},
		{map[string]string{"LANG": "fi_FI@euro"}, nil, ";"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, nil, ","},
		{map[string]string{"LC_NUMERIC": "fi_FI.UTF-8", "LANG": "en_US.UTF-8"}, nil, ";"},
		{map[string]string{"LC_ALL": "C", "LC_NUMERIC": "sv_SE.UTF-8"}, nil, ","},
		{map[string]string{"LC_ALL": "sv_FI.UTF-8", "LANG": "en_US.UTF-8"}, nil, ";"},
		{map[string]string{"LC_COLLATE": "sv_SE.UTF-8"}, nil, ","}, // collation is not how numbers are written
		{map[string]string{}, nil, ","},
		{map[string]string{"LANG": "sv_SE.UTF-8"}, []string{"--separator", ","}, ","},
		{map[string]string{}, []string{"--separator", ";"}, ";"},
	} {
		clearLocale(t, tt.env)
		code, out, errOut := run(t, db, append([]string{"results", "--all"}, tt.args...)...)
		if code != ExitOK {
			t.Fatalf("%v %v: exit %d: %s", tt.env, tt.args, code, errOut)
		}
		if !strings.HasPrefix(out, header(tt.want)) {
			t.Errorf("%v %v: the CSV starts %.60q, want %q between cells", tt.env, tt.args, out, tt.want)
		}
	}
	// To a file, too.
	clearLocale(t, map[string]string{"LANG": "sv_SE.UTF-8"})
	if code, _, errOut := run(t, db, "results", "--all", "-o", file); code != ExitOK {
		t.Fatalf("-o: %s", errOut)
	}
	if data, err := os.ReadFile(file); err != nil || !strings.HasPrefix(string(data), header(";")) {
		t.Errorf("the file starts %.60q (%v)", data, err)
	}
}
