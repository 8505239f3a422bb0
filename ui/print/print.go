// Package print is the Print screen: a deck's cards, board, rating sheets,
// facilitator's guide or whole kit as print-ready PDF, checked before it
// is written (preflight) and written off the UI goroutine.
package print

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/pdf"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// Store is what the Print screen needs from the database.
type Store interface {
	ChangedSinceLastPrint(ctx context.Context, deckID string) ([]string, int, error)
	Decks(ctx context.Context) ([]storage.DeckSummary, error)
	Deck(ctx context.Context, id string) (*cards.Deck, error)
	SavePrint(ctx context.Context, path string, job *storage.PrintJob, write func(w io.Writer) error) error
}

// What the Print screen prints.
const (
	PrintCards       = "cards"
	printBoard       = "board"
	printSheets      = "sheets"
	printGuide       = "guide"
	printCalibration = "calibration"
	PrintKit         = "kit"
	PrintImages      = "images"      // a PNG a card face, into a folder
	printBoardImage  = "board-image" // the board as a PNG, for a digital whiteboard
)

// Screen is the Print screen: what to print and how, the preflight
// list, and the Print button.
type Screen struct {
	kit.Base // it has no keys, menu or state for the main window
	App      fyne.App
	win      fyne.Window
	store    Store
	ctx      context.Context

	decks    []storage.DeckSummary
	deck     *cards.Deck
	deckSel  *widget.Select
	What     *kit.KeyedSelect
	language *kit.KeyedSelect
	opts     *printOptions
	issues   []pdf.Issue
	summary  *widget.Label
	list     *fyne.Container
	printBtn *widget.Button
	note     *widget.Label // how to print what is chosen: at 100 %, or pictures as they are
	root     fyne.CanvasObject
	// printing is set, on the UI goroutine, while a print runs in the
	// background; a second print waits until it is done.
	printing bool
	// afterPrint, when set, is called on the UI goroutine when a background
	// print has finished; tests wait for it.
	afterPrint func()

	// OnFixCard is called with a card's code when the person asks to fix
	// an issue; the app shows that card in the Decks screen.
	OnFixCard func(deckID, code string)
	// now is the clock for the PDFs' dates; tests fix it.
	now func() time.Time
}

// New builds the Print screen.
func New(a fyne.App, w fyne.Window, store Store) *Screen {
	p := &Screen{App: a, win: w, store: store, ctx: context.Background(), now: time.Now}
	p.deckSel = widget.NewSelect(nil, func(string) { p.deckChosen() })
	p.deckSel.PlaceHolder = lang.L("(Select one)") // Fyne's own is English only
	p.What = kit.NewKeyedSelect(func(string) { p.whatChosen() })
	p.What.SetOptions(
		[]string{PrintCards, printBoard, printSheets, printGuide, printCalibration, PrintKit, PrintImages, printBoardImage},
		[]string{lang.L("Cards"), lang.L("Board poster"), lang.L("Rating sheets"), lang.L("Facilitator guide"), lang.L("Duplex calibration page"), lang.L("Workshop kit (all of it)"),
			lang.L("Card images (PNG)"), lang.L("Board image (PNG)")})
	p.language = kit.NewKeyedSelect(func(string) {
		p.App.Preferences().SetString(kit.PrefPrintLanguage, p.language.Key())
		p.check()
	})
	p.opts = newPrintOptions(a.Preferences(), p.check)
	p.opts.changed.OnTapped = p.onlyChanged
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.list = container.NewVBox()
	p.printBtn = widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), p.askPrint)
	p.printBtn.Importance = widget.HighImportance
	p.root = p.layout()
	p.What.SetKey(a.Preferences().StringWithFallback("print.what", PrintCards))
	return p
}

// Content is the screen's root object.
func (p *Screen) Content() fyne.CanvasObject { return p.root }

func (p *Screen) layout() fyne.CanvasObject {
	top := widget.NewForm(
		widget.NewFormItem(lang.L("Deck"), p.deckSel),
		widget.NewFormItem(lang.L("Print"), p.What),
		widget.NewFormItem(lang.L("Language"), p.language),
	)
	options := container.NewVScroll(container.NewVBox(top, p.opts.imageGroup, p.opts.cardGroup, p.opts.boardGroup, p.opts.tableGroup))
	p.note = widget.NewLabel(howToPrint(p.What.Key()))
	p.note.Wrapping = fyne.TextWrapWord
	note := p.note
	heading := widget.NewLabelWithStyle(lang.L("Preflight"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewBorder(container.NewVBox(heading, p.summary), container.NewVBox(note, p.printBtn), nil, nil, container.NewVScroll(p.list))
	split := container.NewHSplit(options, right)
	split.Offset = 0.45
	return split
}

// Refresh re-reads the deck list, keeping the chosen deck; selectID, when
// not empty, chooses that deck (the one shown in the Decks screen).
func (p *Screen) Refresh(selectID string) {
	decks, err := p.store.Decks(p.ctx)
	if err != nil {
		p.summary.SetText(kit.Sentence(kit.ErrorText(err)))
		return
	}
	kit.SortDecks(decks)
	p.decks = decks
	names := make([]string, len(decks))
	chosen := ""
	for i, d := range decks {
		names[i] = d.Name
		if d.ID == selectID || (selectID == "" && p.deck != nil && d.ID == p.deck.ID) {
			chosen = d.Name
		}
	}
	p.deckSel.Options = names
	if chosen == "" && len(names) > 0 {
		chosen = names[0]
	}
	p.deckSel.SetSelected(chosen)
	p.deckChosen()
}

func (p *Screen) deckChosen() {
	for _, d := range p.decks {
		if d.Name == p.deckSel.Selected {
			deck, err := p.store.Deck(p.ctx, d.ID)
			if err != nil {
				p.summary.SetText(kit.Sentence(kit.ErrorText(err)))
				return
			}
			p.deck = deck
			names := make([]string, len(deck.Languages))
			for i, code := range deck.Languages {
				names[i] = cards.LanguageName(code)
			}
			p.language.SetOptions(deck.Languages, names)
			p.language.SetKeyQuietly(deck.Lang(p.printLanguage(deck)))
		}
	}
	p.check()
}

// printLanguage is the language to print a deck in: the one last chosen
// on this screen, else the one the Decks screen shows, else the deck's
// own. The screen reloads its deck after every print and when it is shown
// again, and must not quietly go back to another language then.
func (p *Screen) printLanguage(deck *cards.Deck) string {
	prefs := p.App.Preferences()
	for _, code := range []string{prefs.String(kit.PrefPrintLanguage), prefs.String(kit.PrefCardLanguage)} {
		if slices.Contains(deck.Languages, code) {
			return code
		}
	}
	return deck.DefaultLang
}

// whatChosen shows the options that matter for what is printed.
func (p *Screen) whatChosen() {
	what := p.What.Key()
	p.App.Preferences().SetString("print.what", what)
	show := func(c *fyne.Container, on bool) {
		if on {
			c.Show()
		} else {
			c.Hide()
		}
	}
	show(p.opts.cardGroup, what == PrintCards || what == PrintKit || what == PrintImages)
	show(p.opts.boardGroup, what == printBoard || what == PrintKit || what == printBoardImage)
	show(p.opts.imageGroup, what == PrintImages || what == printBoardImage)
	p.opts.showImageFields(what)
	show(p.opts.tableGroup, what == printSheets || what == PrintKit)
	if p.note != nil {
		p.note.SetText(howToPrint(what))
	}
	p.check()
}

// howToPrint is the line under the preflight: a PDF prints at 100 %, a
// picture goes to the shop or the whiteboard as it is.
func howToPrint(what string) string {
	if what == PrintImages || what == printBoardImage {
		return lang.L("The pictures are at their size and resolution: upload them as they are, without scaling.")
	}
	return lang.L("Print at 100 % (actual size), never \"fit to page\".")
}

// check runs preflight for the current choices and shows what it found.
func (p *Screen) check() {
	if p.summary == nil {
		return // still being built
	}
	p.issues = nil
	p.opts.showCustom()
	issues, err := p.preflight()
	switch {
	case err != nil:
		p.summary.SetText(kit.Sentence(kit.ErrorText(err)))
		p.printBtn.Disable()
	default:
		p.issues = issues
		p.summary.SetText(issueSummary(issues))
		if !p.printing {
			p.printBtn.Enable()
		}
	}
	p.showIssues()
}

func issueSummary(issues []pdf.Issue) string {
	errs := 0
	for _, i := range issues {
		if i.Severity == pdf.Error {
			errs++
		}
	}
	if len(issues) == 0 {
		return lang.L("Everything fits and every character can be printed.")
	}
	return fmt.Sprintf(lang.L("%s and %s. Choose one to fix the card, or print anyway."),
		kit.Count(errs, "%d error", "%d errors", errs),
		kit.Count(len(issues)-errs, "%d warning", "%d warnings", len(issues)-errs))
}

// showIssues lists preflight's findings, each with a button to open the
// card in the Decks screen.
func (p *Screen) showIssues() {
	p.list.RemoveAll()
	for _, issue := range p.issues {
		icon := theme.WarningIcon()
		if issue.Severity == pdf.Error {
			icon = theme.ErrorIcon()
		}
		text := widget.NewLabel(kit.IssueText(issue))
		text.Wrapping = fyne.TextWrapWord
		var fix fyne.CanvasObject
		if issue.Code != "" && p.OnFixCard != nil && p.deck != nil {
			deckID, code := p.deck.ID, issue.Code
			fix = widget.NewButton(lang.L("Fix"), func() { p.OnFixCard(deckID, code) })
		}
		p.list.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), fix, text))
	}
}

// onlyChanged fills "Only cards" with the cards changed since the deck's
// cards were last printed, to reprint just those.
func (p *Screen) onlyChanged() {
	if p.deck == nil {
		return
	}
	codes, edition, err := p.store.ChangedSinceLastPrint(p.ctx, p.deck.ID)
	switch {
	case err != nil:
		kit.ShowInformation(p.win, lang.L("Nothing to compare with"), kit.Sentence(kit.ProblemText(err)))
	case len(codes) == 0:
		kit.ShowInformation(p.win, lang.L("Nothing changed"), fmt.Sprintf(lang.L("No card has changed since edition %d was printed."), edition))
	default:
		p.opts.only.SetText(strings.Join(codes, ", "))
	}
}
