package cards_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
)

// FuzzReadCSV checks, for any bytes at all, that ReadCSV does not panic;
// that a deck it accepts survives WriteCSV and ReadCSV unchanged (what a
// facilitator exports, edits nothing, and imports again must be the same
// deck); and that every problem it reports points at a line of the file.
func FuzzReadCSV(f *testing.F) {
	const h = "code,type,theme,area,level,copies,tags,title_sv,body_sv,title_fi,body_fi\n"
	seeds := []string{
		h + "R01,routine,governance,collection,operative,2,\"a,b\",Samla,\"Rad 1\nRad 2\",Kerää,\n",
		bom + "code;type;area;title_sv;body_sv\r\nR02;routine;use;Använd data öppet;\"Första; raden\r\nandra \"\"raden\"\"\"\r\n",
		"title_fi,code,type,copies\nKeruu,C01,role,\n\n,,,\nÄlä,C02,role,0\n",
		h + "R01,routine,,,,1,,'=SUM(A1),'-x,''=y,'\n",
		h + "R01,routine,,,,1,,\t=x,,Kerää,\n",
		h + "R01,routine,,,,1,,\"Säg \"hej\",x,y,z\n",
		h + "R01,routine,,,,1,,\"never closed,x\nR02,routine,,,,1,,a,b,c,d\n",
		h + "R01,rutin,kitchen,,,two,,,,,\nr01,routine,,,,-1,,x,,y,,extra\n",
		"code,type,title_xx,colour\n",
		"code,type,title_sv\nR01,routine,Gr\xe4ns\n",
		"",
		bom,
		"\n\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	template := defaultDeck(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := cards.ReadCSV(bytes.NewReader(data), template)
		if err != nil {
			if d != nil {
				t.Fatalf("ReadCSV returned both a deck and an error (%v)", err)
			}
			var ps cards.Problems
			if !errors.As(err, &ps) {
				if len(data) > cards.MaxFileSize && strings.Contains(err.Error(), "larger than") {
					return
				}
				t.Fatalf("error %T %q is not cards.Problems", err, err)
			}
			if len(ps) == 0 {
				t.Fatal("ReadCSV failed with an empty Problems")
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, p := range ps {
				if p.Line < 1 || p.Line > lines || p.Column < 0 {
					t.Fatalf("problem %+v does not point into the file's %d lines", p, lines)
				}
			}
			return
		}
		clearIDs(d)
		// What reading noticed is of the file (a Windows-1252 one), not of
		// the deck: the file written back is UTF-8 and needs no note.
		d.ReadNotes = nil
		var buf bytes.Buffer
		if err := cards.WriteCSV(&buf, d); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		again, err := cards.ReadCSV(bytes.NewReader(buf.Bytes()), template)
		if err != nil {
			t.Fatalf("ReadCSV of WriteCSV's output failed: %v\nfile: %q", err, buf.String())
		}
		clearIDs(again)
		if !reflect.DeepEqual(again, d) {
			diffDecks(t, again, d)
		}
	})
}
