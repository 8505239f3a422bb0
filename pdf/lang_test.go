package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"deckhand/assets"
	"deckhand/game"
)

// Every document names its language in the catalogue (/Lang), the
// language its text is printed in: screen readers read it aloud in that
// language, and print shops' preflight asks for it.
func TestEveryDocumentNamesItsLanguage(t *testing.T) {
	for _, lang := range []string{"sv", "fi", "en"} {
		for name, b := range everyDocument(t, lang) {
			want := "/Lang (" + lang + ")"
			if n := strings.Count(string(b), "/Lang ("); n != 1 || !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s printed in %s: %d /Lang entries, %s among them %v; want exactly %s", name, lang, n, want, bytes.Contains(b, []byte(want)), want)
			}
		}
	}
}

// everyDocument writes the kit, the calibration page and the report in
// lang, by file name.
func everyDocument(t *testing.T, lang string) map[string][]byte {
	t.Helper()
	d := testDeck(t)
	{
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
		return named
	}
}

var destProfile = regexp.MustCompile(`/OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier \(sRGB IEC61966-2.1\) .*?/DestOutputProfile (\d+) 0 R`)

// Every document carries one output intent, sRGB, whose profile stream is
// the embedded ICC profile byte for byte: a print shop's RIP reads the
// colours as sRGB rather than guessing.
func TestEveryDocumentCarriesTheSRGBOutputIntent(t *testing.T) {
	for name, b := range everyDocument(t, "fi") {
		m := destProfile.FindAllSubmatch(b, -1)
		if len(m) != 1 {
			t.Errorf("%s has %d sRGB output intents, want 1", name, len(m))
			continue
		}
		obj := "\n" + string(m[0][1]) + ` 0 obj\n<< /N 3 /Alternate /DeviceRGB /Length (\d+) /Filter /FlateDecode >>\nstream\n`
		at := regexp.MustCompile(obj).FindSubmatchIndex(b)
		if at == nil {
			t.Errorf("%s: the profile object %s is not an RGB ICC stream", name, m[0][1])
			continue
		}
		n, _ := strconv.Atoi(string(b[at[2]:at[3]]))
		r, err := zlib.NewReader(bytes.NewReader(b[at[1] : at[1]+n]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		profile, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(profile, assets.SRGBProfile) || !bytes.Contains(profile, []byte("sRGB")) {
			t.Errorf("%s: the embedded profile is %d bytes (%v), not the %d bytes of sRGB2014.icc", name, len(profile), err, len(assets.SRGBProfile))
		}
	}
}
