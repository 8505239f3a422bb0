package pdf

import (
	"errors"
	"io"
	"strings"
	"time"

	"deckhand/cards"
)

// Ways to print the backs of cards.
const (
	BacksNone        = "none"         // fronts only
	BacksDuplexLong  = "duplex-long"  // each fronts page followed by its backs, columns mirrored
	BacksDuplexShort = "duplex-short" // rows mirrored, backs turned so they read upright
	BacksPages       = "pages"        // all backs on pages of their own at the end
)

// CardOptions are the settings of a card print. Start from
// DefaultCardOptions and change what the person chose.
type CardOptions struct {
	Lang    string  // language of the card texts; the deck's default when empty or missing
	Size    Size    // the card's cut size
	Paper   Size    // the sheet
	Margin  float64 // mm the printer cannot print at the sheet's edge
	Bleed   float64 // mm of background beyond the cut line, 0–5
	Layout  string  // LayoutButted, LayoutGapped or LayoutSingle
	Marks   bool    // crop marks outside the block
	Backs   string  // BacksNone, BacksDuplexLong, BacksDuplexShort or BacksPages
	OffsetX float64 // where the printer put the backs, as read on the calibration page (mm)
	OffsetY float64
	Safe    float64  // mm inside the cut that text keeps to (DefaultSafe)
	Proof   bool     // draw the cut line and the safe zone over every card side
	Only    []string // print only these card codes; all when empty
	Blank   int      // extra blank cards to write on
	Created time.Time
	// Progress, when set, is called after each page with pages done and in all.
	Progress func(done, total int)
}

// DefaultCardOptions are poker cards on A4, butted, with crop marks and no backs.
func DefaultCardOptions() CardOptions {
	return CardOptions{Size: CardSizes["poker"], Paper: Papers["a4"], Margin: 5, Layout: LayoutButted, Marks: true, Backs: BacksNone, Safe: DefaultSafe}
}

// Limits of the options.
const (
	MaxBleed  = 5
	MaxMargin = 20
	MaxOffset = 10
	MaxBlank  = 500
)

func (o CardOptions) check() error {
	switch {
	case o.Bleed < 0 || o.Bleed > MaxBleed:
		return refusal("bleed must be between 0 and %d mm, not %g", MaxBleed, o.Bleed)
	case o.Margin < 0 || o.Margin > MaxMargin:
		return refusal("the printer margin must be between 0 and %d mm, not %g", MaxMargin, o.Margin)
	case o.Layout != LayoutButted && o.Layout != LayoutGapped && o.Layout != LayoutSingle:
		return refusal("unknown layout %q; use butted, gapped or single", o.Layout)
	case o.Backs != BacksNone && o.Backs != BacksDuplexLong && o.Backs != BacksDuplexShort && o.Backs != BacksPages:
		return refusal("unknown backs %q; use none, duplex-long, duplex-short or pages", o.Backs)
	case abs(o.OffsetX) > MaxOffset || abs(o.OffsetY) > MaxOffset:
		return refusal("the back offset must be within ±%d mm; print the calibration page again", MaxOffset)
	case o.Blank < 0 || o.Blank > MaxBlank:
		return refusal("blank cards must be between 0 and %d", MaxBlank)
	case o.Size.W <= 0 || o.Size.H <= 0 || o.Paper.W <= 0 || o.Paper.H <= 0:
		return refusal("choose a card size and a paper")
	}
	return checkSafe(o.Safe, o.Size)
}

func abs(x float64) float64 { return max(x, -x) }

// CardsResult says what a card print made.
type CardsResult struct {
	Pages  int
	Cards  int     // cards printed, copies and blanks included
	Issues []Issue // what preflight found
}

// selection lists the cards to print in order, copies repeated, blanks
// last, each pointing into the deck: the list holds a pointer to a card, not
// a copy of it. Every extra blank card is the same card, blank.
func selection(d *cards.Deck, o CardOptions) (list []*cards.Card, blank *cards.Card, err error) {
	wanted := map[string]bool{}
	for _, code := range o.Only {
		if d.CardByCode(code) < 0 {
			return nil, nil, refusal("the deck has no card %q", code)
		}
		wanted[strings.ToUpper(code)] = true
	}
	for i := range d.Cards {
		c := &d.Cards[i]
		if len(wanted) > 0 && !wanted[strings.ToUpper(c.Code)] {
			continue
		}
		for j := 0; j < c.Copies; j++ {
			list = append(list, c)
		}
	}
	blankType := "blank"
	if _, ok := d.CardType(blankType); !ok {
		blankType = ""
	}
	blank = &cards.Card{Type: blankType}
	for i := 0; i < o.Blank; i++ {
		list = append(list, blank)
	}
	if len(list) == 0 {
		return nil, nil, refusal("there is nothing to print: no card of the selection has copies to print")
	}
	return list, blank, nil
}

// Cards prints a deck's cards as sheets, with the backs as chosen, and
// returns what preflight finds. The PDF is written even when preflight
// finds errors: the caller decides (see Preflight to check before printing,
// and CardPrint.WriteStrict to refuse).
func Cards(w io.Writer, d *cards.Deck, o CardOptions) (CardsResult, error) {
	p, err := PlanCards(d, o)
	if err != nil {
		return CardsResult{}, err
	}
	return p.Write(w)
}

// CardPrint is a card print with its options checked and its sheets
// planned, ready to write once. Writing lays out each card as it draws it,
// and laying a card out is what finds its problems, so a print reports all
// that preflight would without laying the deck out twice.
type CardPrint struct {
	deck   *cards.Deck
	opts   CardOptions
	list   []*cards.Card // what prints, in order
	blank  *cards.Card   // the one card every extra blank card is
	grid   grid
	lang   string
	pages  int
	m      measurer
	extras sheetExtras // the marks and note of every front page
	found  []Issue     // about the deck and the sheet, found before any card is laid out
}

// PlanCards checks a card print's options against the deck and plans its
// sheets. An error means the options themselves cannot print (paper too
// small, an unknown code in Only).
func PlanCards(d *cards.Deck, o CardOptions) (*CardPrint, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	list, blank, err := selection(d, o)
	if err != nil {
		return nil, err
	}
	g, err := planGrid(o.Paper, o.Size, o.Margin, o.Bleed, o.Layout)
	if err != nil {
		return nil, err
	}
	m, err := newMeasurer()
	if err != nil {
		return nil, err
	}
	p := &CardPrint{deck: d, opts: o, list: list, blank: blank, grid: g, lang: d.Lang(o.Lang), m: m}
	p.pages = pageCount(len(list), g, o.Backs)
	p.extras = planSheet(m, g, o, d, p.lang, p.pages)
	p.found = append(deckIssues(d), p.extras.issues...)
	return p, nil
}

// ErrPreflightErrors is what WriteStrict returns when preflight finds an
// error: nothing was written.
var ErrPreflightErrors = refusal("preflight found errors, so nothing was printed")

// Write prints the cards into w and returns what it made and all that
// preflight finds, in preflight's order. The PDF is written whatever it
// finds.
func (p *CardPrint) Write(w io.Writer) (CardsResult, error) { return p.write(w, false, nil) }

// WriteStrict prints the cards only when preflight finds no error; when it
// finds one, it writes nothing into w and returns what it found with
// ErrPreflightErrors.
func (p *CardPrint) WriteStrict(w io.Writer) (CardsResult, error) { return p.write(w, true, nil) }

// traceFunc sees where each card side is placed; tests use it to check the
// geometry of backs against fronts.
type traceFunc func(back bool, index int, pl placement)

// errWrittenTwice is the error of writing a card print a second time.
var errWrittenTwice = errors.New("pdf: a card print is written once; plan it again")

func (p *CardPrint) write(w io.Writer, strict bool, trace traceFunc) (CardsResult, error) {
	if p.deck == nil {
		return CardsResult{}, errWrittenTwice
	}
	doc, err := newDocument(docOptions{title: p.deck.Name, lang: p.lang, created: p.opts.Created})
	if err != nil {
		return CardsResult{}, err
	}
	res := (&cardPrinter{CardPrint: p, doc: doc, sides: newSideLayouts(p), trace: trace}).drawPages()
	// The pages hold all that prints now. Letting go of the deck before
	// fpdf builds the file from them means that a large deck and the whole
	// file are never in memory together.
	p.deck, p.list, p.blank = nil, nil, nil
	if strict && HasErrors(res.Issues) {
		return res, ErrPreflightErrors
	}
	return res, finish(doc, w)
}

// pageCount is the number of pages a print of n cards takes.
func pageCount(n int, g grid, backs string) int {
	pages := (n + g.perPage() - 1) / g.perPage()
	if backs != BacksNone {
		pages *= 2
	}
	return pages
}
