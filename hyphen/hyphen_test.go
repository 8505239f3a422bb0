package hyphen

import (
	"slices"
	"testing"
)

// legal is a word with a hyphen at every place its language allows a
// break, as a Finnish or Swedish dictionary divides it (syllables, and the
// joints of compounds), written by hand.
type legal struct{ lang, word string }

var compounds = []legal{
	{"fi", "a-si-a-kas-tie-to-jen-kä-sit-te-ly-pe-ri-aat-teet"},
	{"fi", "hen-ki-lö-tie-to-jen"},
	{"fi", "tie-to-suo-ja-ky-sy-myk-siin"},
	{"fi", "vas-tuul-li-suus-ra-por-toin-ti-a"},
	{"fi", "a-si-a-kas-vuo-ro-vai-ku-tus-ta"},
	{"fi", "ym-pä-ris-tö-vai-ku-tuk-sis-ta"},
	{"fi", "yh-teis-ke-hit-tä-mi-sen"},
	{"fi", "ko-ke-mus-a-si-an-tun-ti-ja"},
	{"fi", "da-ta-ti-lin-pää-tös"},
	{"fi", "käyt-tö-ta-pauk-set"},
	{"fi", "to-teu-tet-ta-vuus"},
	{"fi", "käy-tet-tä-vyys"},
	{"fi", "vaih-to-eh-to-na"},
	{"fi", "tie-don-an-ta-ja"},
	{"fi", "o-sa-puo-li-a"},
	{"fi", "tuo-te-o-mis-ta-jat"},
	{"fi", "kai-vos-auk-ko"},
	{"fi", "re-kis-te-röi-ty-mi-nen"},
	{"fi", "jär-jes-tel-mä-da-ta"},
	{"fi", "käyt-töön-ot-to-a"},
	{"fi", "lii-ke-toi-min-nan"},
	{"fi", "tar-ve-kar-toi-tus"},
	{"sv", "kund-da-ta-han-te-ring"},
	{"sv", "per-son-upp-gifts-be-hand-ling"},
	{"sv", "da-ta-an-vänd-ning"},
	{"sv", "da-ta-an-svars-rap-por-te-ring-en"},
	{"sv", "håll-bar-hets-rap-por-te-ring-en"},
	{"sv", "till-stånds-in-ställ-ning-ar"},
	{"sv", "ut-veck-lings-pla-ner-na"},
	{"sv", "en-vägs-kom-mu-ni-ka-tion"},
	{"sv", "er-fa-ren-hets-ex-per-ter"},
	{"sv", "mark-nads-fö-ring"},
	{"sv", "an-vän-dar-grup-per"},
	{"sv", "ge-nom-för-bar-het"},
	{"sv", "önsk-värd-het"},
	{"sv", "in-tres-sen-ter-nas"},
	{"sv", "af-färs-ut-veck-ling"},
	{"sv", "work-shop-par"},
	{"sv", "kund-in-ter-ak-tion"},
	{"sv", "or-ga-ni-sa-tio-ner-nas"},
	{"sv", "da-ta-för-valt-ning"},
	{"sv", "in-sam-ling-en"},
}

// TestCompoundsBreakOnlyAtLegalPoints hyphenates real Finnish and Swedish
// compounds and finds every break among the dictionary's, and enough of
// them that a long word can always be divided.
func TestCompoundsBreakOnlyAtLegalPoints(t *testing.T) {
	for _, c := range compounds {
		word, allowed := unmark(c.word)
		got := For(c.lang).Breaks(word)
		for _, k := range got {
			if !slices.Contains(allowed, k) {
				t.Errorf("%s %q breaks as %s, where %q is not a legal break", c.lang, word, For(c.lang).Hyphenate(word), string([]rune(word)[:k])+"-")
			}
		}
		// No more than nine letters are left without a break.
		if longest := longestStretch(got, len([]rune(word))); longest > 9 {
			t.Errorf("%s %s leaves %d letters without a break", c.lang, For(c.lang).Hyphenate(word), longest)
		}
	}
}

// TestTheLongCompoundBreaksAtItsSyllables pins the issue's own example.
func TestTheLongCompoundBreaksAtItsSyllables(t *testing.T) {
	got := For("fi").Hyphenate("asiakastietojenkäsittelyperiaatteet")
	if got != "asia-kas-tie-to-jen-kä-sit-te-ly-pe-ri-aat-teet" {
		t.Errorf("asiakastietojenkäsittelyperiaatteet hyphenates as %s", got)
	}
}

// longestStretch is the most letters between two breaks (or an end).
func longestStretch(breaks []int, n int) int {
	longest, from := 0, 0
	for _, k := range append(slices.Clone(breaks), n) {
		longest, from = max(longest, k-from), k
	}
	return longest
}

func TestWordsThatNeverBreak(t *testing.T) {
	for _, c := range []struct{ lang, word string }{
		{"en", "GDPR"},       // an acronym
		{"sv", "CRM"},        // too short, and capitals
		{"fi", "tie"},        // shorter than both minimums together
		{"fi", "data2024"},   // not only letters
		{"en", "e-mail"},     // the hyphen is the text's own; callers break there
		{"xx", "anything"},   // a language without patterns
		{"fi", "KÄYTTÖTAPA"}, // a heading in capitals
	} {
		if p := For(c.lang); p != nil {
			if got := p.Breaks(c.word); len(got) != 0 {
				t.Errorf("%s %q breaks at %v", c.lang, c.word, got)
			}
		}
	}
	if For("xx") != nil {
		t.Error("a language without patterns has patterns")
	}
}

func TestMinimumsExceptionsAndRegionalTags(t *testing.T) {
	en := For("en-GB")
	if en == nil || en != For("en") || For("sv_FI") != For("sv") {
		t.Fatal("regional tags do not find their language's patterns")
	}
	// English keeps three letters after the last break: "hy-phen-ation"
	// would leave "ation"; "safety" keeps its "ty" whole.
	for word, want := range map[string]string{
		"hyphenation": "hy-phen-ation",
		"associate":   "as-so-ciate", // from the patterns' exception list
		"project":     "project",     // an exception: the verb and the noun differ
		"Customers":   "Cus-tomers",
	} {
		if got := en.Hyphenate(word); got != want {
			t.Errorf("en %s hyphenates as %s, want %s", word, got, want)
		}
	}
	// Finnish leaves at least two letters on each side: "ai-ka" but never "a-"
	// or "-a".
	if got := For("fi").Hyphenate("osapuolia"); got != "osa-puo-lia" {
		t.Errorf("fi osapuolia hyphenates as %s", got)
	}
}

func TestBrokenPatternsAreRefused(t *testing.T) {
	for _, tex := range []string{
		"% no group at all",
		`\patterns{ 1ba 2 }`,
		`\patterns{ 1ba`,
	} {
		if _, err := Parse(tex, 2, 2); err == nil {
			t.Errorf("patterns %q were accepted", tex)
		}
	}
	p, err := Parse("% comment\n\\patterns{ % inline\n1ba\n}\n\\hyphenation{ ab-ba }", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Hyphenate("abba"); got != "ab-ba" {
		t.Errorf("the exception gives %s", got)
	}
	if got := p.Hyphenate("obaba"); got != "o-ba-ba" {
		t.Errorf("1ba gives %s", got)
	}
}
