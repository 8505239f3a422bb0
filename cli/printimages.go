package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"deckhand/pdf"
	"deckhand/storage"
)

// Pictures of the cards and the board, for print shops that take images
// and for digital whiteboards.

func init() {
	printCommands["images"] = runPrintImages
	printCommands["board-image"] = runPrintBoardImage
}

func runPrintImages(e *env, args []string) error {
	fs := newFlags(e, "print images")
	deck, out, lang := fs.String("deck", "", "deck name or id"), fs.String("o", "", "the folder to write the pictures into"), fs.String("lang", "", "language of the card texts")
	size := fs.String("size", "poker", "card size: poker, bridge, mini, euro, tarot, square, a7 or WxH in mm")
	dpi := fs.Int("dpi", 300, fmt.Sprintf("pixels an inch, %d–%d", pdf.MinDPI, pdf.MaxDPI))
	bleed := fs.Float64("bleed", 0, "bleed in mm round every picture, 0–5")
	backs := fs.Bool("backs", false, "a picture of each card type's back as well")
	only := fs.String("only", "", "only these card codes, comma-separated")
	safe := fs.Float64("safe", pdf.DefaultSafe, "safe zone in mm inside the cut that text keeps to")
	proof := fs.Bool("proof", false, "draw the cut line and the safe zone over every picture, to check by eye")
	numbered := fs.Bool("numbered", false, "name fronts after their place in the deck, 001-R01-front.png")
	preset := fs.String("preset", "", "a print shop's template: "+strings.Join(pdf.PresetNames(), ", ")+"; sets size, bleed, safe zone, dpi and numbering")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if err := presetClash(fs, *preset, "size", "bleed", "safe", "dpi", "numbered"); err != nil {
		return err
	}
	if *deck == "" || *out == "" {
		return usagef("--deck and -o are required")
	}
	o := pdf.DefaultImageOptions()
	var err error
	if o.Size, err = pdf.ParseCardSize(*size); err != nil {
		return usagef("%v", err)
	}
	o.Lang, o.DPI, o.Bleed, o.Backs, o.Safe, o.Proof, o.Numbered = *lang, *dpi, *bleed, *backs, *safe, *proof, *numbered
	if *preset != "" {
		p, err := pdf.ParsePreset(*preset)
		if err != nil {
			return usagef("%v", err)
		}
		p.ApplyImages(&o)
	}
	if *only != "" {
		o.Only = strings.Split(strings.ReplaceAll(*only, " ", ""), ",")
	}
	if err := o.Check(); err != nil {
		return usagef("%v", err)
	}
	d, err := e.findDeck(*deck)
	if err != nil {
		return err
	}
	if *lang != "" && !d.HasLanguage(*lang) {
		return fmt.Errorf("deck %q has no texts in %q; its languages are %s", d.Name, *lang, strings.Join(d.Languages, ", "))
	}
	if err := pictureFolder(*out); err != nil {
		return err
	}
	res, err := pdf.CardImages(d, o, func(name string, data []byte) error {
		path := filepath.Join(*out, name)
		if err := e.checkOut(path, *force); err != nil {
			return err
		}
		return storage.WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err })
	})
	reportIssues(e.stderr, res.Issues)
	if err != nil && res.Images > 0 {
		return fmt.Errorf("%w (%s written before it)", err, plural(res.Images, "picture"))
	}
	if err != nil {
		return err
	}
	w, h := o.PixelSize()
	fmt.Fprintf(e.stdout, "wrote %s into %s: %d × %d pixels at %d dpi, %s edition %d\n", plural(res.Images, "picture"), *out, w, h, o.DPI, d.Name, d.Edition)
	return nil
}

// pictureFolder makes the folder pictures go into, or says why it cannot.
func pictureFolder(path string) error {
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		return fmt.Errorf("%s is a file, not a folder; name a folder for the pictures", path)
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s for the pictures: %w", path, err)
	}
	return nil
}

func runPrintBoardImage(e *env, args []string) error {
	fs := newFlags(e, "print board-image")
	deck, out, lang := fs.String("deck", "", "deck name or id"), fs.String("o", "", "the PNG file to write"), fs.String("lang", "", "language")
	size := fs.String("size", "a2", "the poster it is laid out as: a3, a2, a1 or a0")
	width := fs.Int("width", pdf.DefaultBoardWidth, fmt.Sprintf("width in pixels, %d–%d", pdf.MinBoardWidth, pdf.MaxBoardWidth))
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(*out), ".png") && *out != "" {
		return usagef("%s is not a .png file; the board picture is a PNG", *out)
	}
	d, err := deckAndOut(e, *deck, *out, *force)
	if err != nil {
		return err
	}
	poster, err := pdf.ParsePaper(*size)
	if err != nil {
		return usagef("%v", err)
	}
	var issues []pdf.Issue
	err = storage.WriteFileAtomic(*out, func(w io.Writer) error {
		var err error
		issues, err = pdf.BoardImage(w, d, pdf.BoardImageOptions{Lang: *lang, Size: poster, Width: *width})
		return err
	})
	reportIssues(e.stderr, issues)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: the board of %s, %d pixels wide\n", *out, d.Name, *width)
	return nil
}
