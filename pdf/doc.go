// Package pdf prints Deckhand's material as print-ready PDF: card sheets with
// bleed, crop marks and duplex backs, the calibration page, and (in their own
// files) board posters, rating sheets and the facilitator guide. It is the
// only home of gofpdf. Everything is drawn as vectors at exact size in
// millimetres, with the embedded Liberation Sans font, and no user text
// reaches gofpdf before it has been checked against the font.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/assets"
)

// Font family names inside the PDF.
const (
	family = "LiberationSans"
)

// mmPerPt converts a font size in points to millimetres.
const mmPerPt = 25.4 / 72

// docOptions are what every document needs to be reproducible.
type docOptions struct {
	title string
	// lang is the language of the document's text, a BCP 47 tag (sv, fi,
	// en): the catalogue's /Lang, which screen readers read it aloud in
	// and print shops' preflight asks for.
	lang    string
	created time.Time // fixed in tests so the whole file compares
	// measuring is the document that measures text and is never written:
	// it needs no output intent. Every other document carries the sRGB one.
	measuring bool
}

// newDocument makes an empty PDF in millimetres with the embedded fonts.
// Pages are added by the caller with their own size.
func newDocument(o docOptions) (*fpdf.Fpdf, error) {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	doc.SetCatalogSort(true)
	created := o.created
	if created.IsZero() {
		created = time.Now()
	}
	doc.SetCreationDate(created)
	doc.SetModificationDate(created)
	doc.SetCreator("Deckhand", true)
	doc.SetProducer("Deckhand", true)
	if o.title != "" {
		doc.SetTitle(o.title, true)
	}
	if o.lang != "" {
		doc.SetLang(o.lang)
	}
	if !o.measuring {
		// Every colour Deckhand prints is sRGB: the output intent says
		// so, so a print shop's RIP converts it to its press rather than
		// guessing.
		doc.AddOutputIntent(fpdf.OutputIntentType{
			SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
			OutputConditionIdentifier: "sRGB IEC61966-2.1",
			Info:                      "sRGB IEC61966-2.1",
			ICCProfile:                assets.SRGBProfile,
		})
	}
	doc.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	doc.AddUTF8FontFromBytes(family, "B", assets.FontBold)
	// A bad font is only recorded in the document's sticky error.
	if err := doc.Error(); err != nil {
		return nil, fmt.Errorf("load the print font: %w", err)
	}
	return doc, nil
}

// finish writes the document, unless drawing recorded an error: gofpdf's
// errors are sticky and would otherwise surface as a broken file.
func finish(doc *fpdf.Fpdf, w io.Writer) error {
	if err := doc.Error(); err != nil {
		return fmt.Errorf("draw the PDF: %w", err)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	if err := writeTagged(w, buf.Bytes()); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	return nil
}
