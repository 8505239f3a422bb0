package pdf

import (
	"bytes"
	"strings"
	"testing"

	"deckhand/game"
)

// Every document names its language in the catalogue (/Lang), the
// language its text is printed in: screen readers read it aloud in that
// language, and print shops' preflight asks for it.
func TestEveryDocumentNamesItsLanguage(t *testing.T) {
	d := testDeck(t)
	for _, lang := range []string{"sv", "fi", "en"} {
		c := DefaultCardOptions()
		c.Lang = lang
		docs := Kit(d, KitOptions{Cards: c, Board: DefaultBoardOptions(), Tables: 1, Created: posterFixed})
		var buf bytes.Buffer
		if err := Calibration(&buf, Papers["a4"], "long", lang, posterFixed); err != nil {
			t.Fatal(err)
		}
		named := map[string][]byte{"calibration.pdf": bytes.Clone(buf.Bytes())}
		for _, doc := range docs {
			buf.Reset()
			if err := doc.Write(&buf); err != nil {
				t.Fatalf("%s in %s: %v", doc.Name, lang, err)
			}
			named[doc.Name] = bytes.Clone(buf.Bytes())
		}
		f := reportExample(t)
		buf.Reset()
		if _, err := Report(&buf, f, game.Results(f), ReportOptions{Lang: lang, Paper: Papers["a4"], Created: posterFixed}); err != nil {
			t.Fatal(err)
		}
		named["report.pdf"] = buf.Bytes()
		if len(named) < 6 {
			t.Fatalf("%d documents written; want the kit's, the calibration page and the report", len(named))
		}
		for name, b := range named {
			want := "/Lang (" + lang + ")"
			if n := strings.Count(string(b), "/Lang ("); n != 1 || !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s printed in %s: %d /Lang entries, %s among them %v; want exactly %s", name, lang, n, want, bytes.Contains(b, []byte(want)), want)
			}
		}
	}
}
