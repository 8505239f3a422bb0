package ui

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/lang"

	"deckhand/ui/kit"
)

// systemLanguageIs makes the system's language that of a Linux locale for
// one test: Fyne reads it from the environment here (from the person's
// settings on Windows and macOS).
func systemLanguageIs(t *testing.T, locale string) {
	t.Helper()
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(k, "")
	}
	t.Setenv("LANG", locale)
	t.Cleanup(func() { kit.SetLanguage("en") })
	kit.SetLanguage("")
}

var fyneDir = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	return strings.TrimSpace(string(out)), err
})

// fyneTexts are the texts of Fyne's own translation into a language, from
// the Fyne this is built with: a string, or the "other" form.
func fyneTexts(t *testing.T, code string) map[string]string {
	t.Helper()
	dir, err := fyneDir()
	if err != nil {
		t.Fatalf("go list fyne.io/fyne/v2: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "lang", "translations", "base."+code+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			texts[k] = v
		case map[string]any:
			texts[k], _ = v["other"].(string)
		}
	}
	return texts
}

// Deckhand's files hold every text Fyne's own translations have: a chosen
// language's texts then replace all of those added under the system's tag
// (kit.SetLanguage), and none is left in the system's language.
func TestTranslationsHoldEveryTextOfFyne(t *testing.T) {
	dir, err := fyneDir()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "lang", "translations", "base.*.json"))
	if len(files) < 10 {
		t.Fatalf("found %d of Fyne's translations in %s", len(files), dir)
	}
	ours := readTranslations(t, "en")
	for _, f := range files {
		code := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "base."), ".json")
		for key := range fyneTexts(t, code) {
			if _, ok := ours[key]; !ok {
				t.Errorf("Fyne's %s translation has %q, which Deckhand's files lack", code, key)
			}
		}
	}
}

// watchEnvironment reads the variables naming the language over and over
// until the function it returns is called, which gives the values it saw
// that were not those at the start.
func watchEnvironment(t *testing.T) (changed func() []string) {
	t.Helper()
	names := []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}
	start := map[string]string{}
	for _, n := range names {
		start[n] = os.Getenv(n)
	}
	var seen []string
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			for _, n := range names {
				if v := os.Getenv(n); v != start[n] && !slices.Contains(seen, n+"="+v) {
					seen = append(seen, n+"="+v)
				}
			}
			runtime.Gosched()
		}
	}()
	var once sync.Once
	changed = func() []string {
		once.Do(func() { close(stop); <-done })
		return seen
	}
	t.Cleanup(func() { changed() })
	return changed
}

// The language chosen in Settings is the interface's whatever the system's
// is, Fyne's own dialog texts included, and the process's environment is
// the same before and after each choice: other threads read it, and Windows
// and macOS do not take the language from it at all.
func TestAChosenLanguageLeavesTheEnvironmentAlone(t *testing.T) {
	for _, c := range []struct{ locale, system string }{
		{"sv_SE.UTF-8", "sv"}, {"fi_FI.UTF-8", "fi"}, {"en_GB.UTF-8", "en"}, {"de_DE.UTF-8", "de"}, {"C.UTF-8", "en"},
	} {
		t.Run(c.locale, func(t *testing.T) {
			systemLanguageIs(t, c.locale)
			env := os.Environ()
			changed := watchEnvironment(t)
			want := func(code, key string) string {
				if code == "de" {
					if s, ok := fyneTexts(t, "de")[key]; ok {
						return s
					}
					code = "en" // Deckhand's own texts have no German
				}
				return readTranslations(t, code)[key]
			}
			for _, code := range []string{"sv", "fi", "en", "", "fi", "sv", ""} {
				kit.SetLanguage(code)
				if got := os.Environ(); !slices.Equal(got, env) {
					t.Errorf("after choosing %q the environment is %q, was %q", code, got, env)
				}
				shown := code
				if code == "" {
					shown = c.system
				}
				// Decks is Deckhand's; Show Hidden Files is the file dialog's,
				// which Fyne has no Finnish for, and Advanced the colour
				// dialog's, which only Fyne's files had.
				for _, key := range []string{"Decks", "Show Hidden Files", "Advanced", "Cancel"} {
					if got := lang.L(key); got != want(shown, key) {
						t.Errorf("with %q chosen on a %s system, %q reads %q, want %q", code, c.locale, key, got, want(shown, key))
					}
				}
			}
			if seen := changed(); len(seen) > 0 {
				t.Errorf("while languages were chosen the environment read %q", seen)
			}
			if kit.ChosenLanguage != "" || kit.Language() != c.system {
				t.Errorf("following the system, the interface language is %q (chosen %q), want %q", kit.Language(), kit.ChosenLanguage, c.system)
			}
		})
	}
}

// Following the system again after choosing languages gives back every
// text as the system gave it, including those Fyne's own translations
// alone had for a language Deckhand does not speak; and a chosen language
// gives each of its texts, none left from the system's or another choice.
func TestFollowingTheSystemAgainGivesEveryTextBack(t *testing.T) {
	for _, locale := range []string{"sv_SE.UTF-8", "sv", "de", "de_DE.UTF-8", "fi", "", "C.UTF-8", "tlh_XX.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			systemLanguageIs(t, locale)
			keys := slices.Collect(maps.Keys(readTranslations(t, "en")))
			texts := func() map[string]string {
				out := map[string]string{}
				for _, k := range keys {
					out[k] = lang.L(k)
				}
				return out
			}
			before := texts()
			for _, code := range []string{"fi", "en", "sv"} {
				kit.SetLanguage(code)
				for k, v := range readTranslations(t, code) {
					if got := lang.L(k); got != v {
						t.Errorf("with %s chosen on a %q system, %q reads %q, want %q", code, locale, k, got, v)
					}
				}
			}
			kit.SetLanguage("")
			after := texts()
			for _, k := range keys {
				if after[k] != before[k] {
					t.Errorf("following a %q system again, %q reads %q, was %q", locale, k, after[k], before[k])
				}
			}
			if locale == "de" && before["Advanced"] != fyneTexts(t, "de")["Advanced"] {
				t.Errorf("on a German system Advanced reads %q, want Fyne's %q", before["Advanced"], fyneTexts(t, "de")["Advanced"])
			}
		})
	}
}
