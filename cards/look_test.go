package cards_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/message"
)

// picture encodes a w × h gradient as PNG (or, with asJPEG, JPEG); 16-bit
// makes it a 16-bit PNG.
func picture(t testing.TB, w, h int, asJPEG, sixteen bool) []byte {
	t.Helper()
	var img image.Image
	if sixteen {
		m := image.NewNRGBA64(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				m.Set(x, y, color.NRGBA64{uint16(x * 65535 / w), uint16(y * 65535 / h), 0x8000, 0xffff})
			}
		}
		img = m
	} else {
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				m.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
			}
		}
		img = m
	}
	var buf bytes.Buffer
	var err error
	if asJPEG {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hugeHeader is the start of a PNG that says it is w × h pixels: enough for
// a reader of headers, and no memory spent on its pixels.
func hugeHeader(w, h uint32) []byte {
	ihdr := make([]byte, 17)
	copy(ihdr, "IHDR")
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	ihdr[12], ihdr[13] = 8, 6 // 8 bits, RGBA
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// TestBadImagesAreRefusedWithOneSentence tries every kind of picture a deck
// cannot carry: each is refused by one sentence that names it and says what
// to do, and a deck file holding it is not read.
func TestBadImagesAreRefusedWithOneSentence(t *testing.T) {
	cmyk, err := os.ReadFile("testdata/logo-cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	whole := picture(t, 60, 30, false, false)
	for _, tc := range []struct {
		name string
		data []byte
		says string
	}{
		{"empty", nil, "the logo is empty"},
		{"not an image", []byte("%PDF-1.7 a document, not a picture"), "is not a PNG or JPEG picture"},
		{"a GIF", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "is not a PNG or JPEG picture"},
		{"huge", hugeHeader(40000, 30000), "40000 × 30000 pixels, more than the 10000"},
		{"too many pixels", hugeHeader(9000, 9000), "9000 × 9000 pixels, 81.0 million in all, more than the 12 million"},
		{"CMYK", cmyk, "in CMYK colours"},
		{"damaged", whole[:len(whole)/2], "is damaged"},
		{"too big a file", append(bytes.Clone(whole), make([]byte, cards.MaxImageBytes)...), "more than the 8 MB"},
	} {
		_, err := cards.PrepareImage(tc.data, message.Word("the logo"))
		if err == nil {
			t.Errorf("%s: accepted", tc.name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.says) || !strings.HasPrefix(msg, "the logo ") || strings.Count(msg, ". ") > 0 || !strings.Contains(msg, ";") {
			t.Errorf("%s: %q is not the one sentence wanted (%q)", tc.name, msg, tc.says)
		}
		if _, isMessage := message.Of(err); !isMessage {
			t.Errorf("%s: the refusal cannot be translated", tc.name)
		}
		if tc.name == "huge" || tc.name == "CMYK" || tc.name == "not an image" {
			d := deckWithLook(t, tc.data)
			var buf bytes.Buffer
			if err := cards.WriteJSON(&buf, d); err != nil {
				t.Fatal(err)
			}
			if _, err := cards.ReadJSON(&buf); err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("%s: a deck file with such a logo reads with %v", tc.name, err)
			}
		}
	}
}

func deckWithLook(t testing.TB, logo []byte) *cards.Deck {
	t.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	d.Look = &cards.Look{Logo: logo, LogoPlace: cards.LogoTop, BackColour: "#204060", BackText: cards.Text{"fi": "Asiakas Oy"}}
	d.CardTypes[0].Icon = picture(t, 32, 32, false, false)
	return d
}

// TestImagesAreScaledOnceWhenStored: a picture larger than a deck stores is
// scaled to StoredImageSide on its longer side, once (preparing it again
// keeps its bytes); one within the limit, PNG or JPEG, is kept byte for
// byte; a 16-bit PNG, which the PDF library cannot embed, becomes 8-bit.
func TestImagesAreScaledOnceWhenStored(t *testing.T) {
	large := picture(t, 3000, 1500, false, false)
	got, err := cards.PrepareImage(large, message.Word("the logo"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(got))
	if err != nil || cfg.Width != cards.StoredImageSide || cfg.Height != cards.StoredImageSide/2 {
		t.Fatalf("a 3000 × 1500 logo is stored as %d × %d (%v)", cfg.Width, cfg.Height, err)
	}
	again, err := cards.PrepareImage(got, message.Word("the logo"))
	if err != nil || !bytes.Equal(again, got) {
		t.Errorf("a stored logo prepared again changes (%v)", err)
	}
	for _, small := range [][]byte{picture(t, 600, 300, false, false), picture(t, 600, 300, true, false)} {
		if kept, err := cards.PrepareImage(small, message.Word("the logo")); err != nil || !bytes.Equal(kept, small) {
			t.Errorf("a logo within the limits is not kept byte for byte (%v)", err)
		}
	}
	deep, err := cards.PrepareImage(picture(t, 40, 20, false, true), message.Word("the logo"))
	if err != nil {
		t.Fatal(err)
	}
	if deep[24] != 8 {
		t.Errorf("a 16-bit PNG is stored with %d bits a sample", deep[24])
	}
}

// TestADeckJSONWithALogoReadsAndWritesByteForByte: the file Deckhand wrote
// for a deck with a look and an icon reads back to a deck that writes the
// same bytes.
func TestADeckJSONWithALogoReadsAndWritesByteForByte(t *testing.T) {
	d := deckWithLook(t, picture(t, 500, 250, false, false))
	var first bytes.Buffer
	if err := cards.WriteJSON(&first, d); err != nil {
		t.Fatal(err)
	}
	read, err := cards.ReadJSON(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := cards.WriteJSON(&second, read); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("the deck JSON with a logo does not read and write back to the same bytes")
	}
	if !strings.Contains(first.String(), `"look": {`) || !strings.Contains(first.String(), `"icon": "iVBOR`) {
		t.Errorf("the file lacks the look or the icon")
	}
}

// TestTheLookIsChecked refuses a logo place and a back colour a deck
// cannot print, and drops a look with nothing in it.
func TestTheLookIsChecked(t *testing.T) {
	d := deckWithLook(t, nil)
	d.Look.LogoPlace, d.Look.BackColour = "left", "blue"
	err := cards.Validate(d)
	for _, want := range []string{`the logo's place "left" must be centre, top or bottom`, `the backs' colour "blue" is not of the form #RRGGBB`} {
		if err == nil || !strings.Contains(strings.Join(err.(cards.Problems).Lines(), "\n"), want) {
			t.Errorf("no problem %q in %v", want, err)
		}
	}
	d.Look = &cards.Look{BackText: cards.Text{"sv": ""}}
	d.Normalize()
	if d.Look != nil {
		t.Errorf("an empty look stays: %+v", d.Look)
	}
}
