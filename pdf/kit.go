package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"deckhand/cards"
)

// Document is one file to print: its file name, the kind recorded in the
// print history, the settings, and the function that writes it.
type Document struct {
	Name     string
	Kind     string
	Settings map[string]string
	Write    func(w io.Writer) error
}

// KitOptions are the settings of a workshop kit.
type KitOptions struct {
	Cards   CardOptions
	Board   BoardOptions
	Tables  int // rating sheets: one set per table
	Created time.Time
}

// Kit is everything a facilitator prints for a workshop with one deck:
// the cards with their backs, the board poster, rating sheets for each
// table and the facilitator guide, all in the same language. The caller
// writes each Document into KitFolder(d, lang).
func Kit(d *cards.Deck, o KitOptions) []Document {
	lang := o.Cards.Lang
	c, b := o.Cards, o.Board
	c.Created, b.Created, b.Lang = o.Created, o.Created, lang
	tables := make([]string, max(1, o.Tables))
	for i := range tables {
		tables[i] = fmt.Sprintf("%s %d", printed(d.Lang(lang), "Table"), i+1)
	}
	paper := c.Paper
	sheets := SheetOptions{Lang: lang, Paper: paper, Teams: tables, Created: o.Created}
	guide := GuideOptions{Lang: lang, Paper: paper, Created: o.Created}
	return []Document{
		{Name: "cards.pdf", Kind: "cards", Settings: c.Settings(), Write: func(w io.Writer) error {
			_, err := Cards(w, d, c)
			return err
		}},
		{Name: "board.pdf", Kind: "board", Settings: b.Settings(), Write: func(w io.Writer) error {
			_, err := Board(w, d, b)
			return err
		}},
		{Name: "rating-sheets.pdf", Kind: "sheets", Settings: map[string]string{"lang": lang, "paper": paper.Name, "tables": strconv.Itoa(len(tables))},
			Write: func(w io.Writer) error {
				_, err := RatingSheets(w, d, sheets)
				return err
			}},
		{Name: "guide.pdf", Kind: "guide", Settings: map[string]string{"lang": lang, "paper": paper.Name}, Write: func(w io.Writer) error {
			return Guide(w, d, guide)
		}},
	}
}

// KitFolder names the folder a kit goes into after its deck and edition
// (the word "edition" in the print language), so kits of different
// editions never mix.
func KitFolder(d *cards.Deck, lang string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(d.Name))
	return fmt.Sprintf("%s - %s %d", name, printed(d.Lang(lang), "edition"), d.Edition)
}

// Settings describes a board print for the print history.
func (o BoardOptions) Settings() map[string]string {
	return map[string]string{"lang": o.Lang, "size": o.Size.Name, "tile": o.Tile, "overlap": fmtMM(o.Overlap), "margin": fmtMM(o.Margin)}
}
