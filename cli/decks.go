package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"deckhand/cards"
	"deckhand/storage"
)

// deckJSON is a line of "decks --json": stable field names for scripts.
type deckJSON struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Client    string   `json:"client"`
	Parent    string   `json:"parent"`
	Edition   int      `json:"edition"`
	Languages []string `json:"languages"`
	Cards     int      `json:"cards"`
	Published bool     `json:"published"`
}

func runDecks(e *env, args []string) error {
	if ok, err := runDeckCommand(e, args); ok {
		return err
	}
	fs := newFlags(e, "decks")
	asJSON := fs.Bool("json", false, "machine-readable output")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	decks, err := store.Decks(e.ctx)
	if err != nil {
		return err
	}
	storage.SortDecks(decks, listLanguage())
	if *asJSON {
		out := make([]deckJSON, len(decks))
		for i, d := range decks {
			out[i] = deckJSON{d.ID, d.Name, d.Client, d.Parent, d.Edition, d.Languages, d.Cards, d.Published}
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tID\tCLIENT\tEDITION\tLANGUAGES\tCARDS\tSHARED")
	for _, d := range decks {
		shared := "-"
		if d.Published {
			shared = "yes" // to the team folder (decks publish)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%s\n", d.Name, d.ID, dash(d.Client), d.Edition, strings.Join(d.Languages, ","), d.Cards, shared)
	}
	return tw.Flush()
}

// cardJSON is a line of "cards --json". With --lang the texts hold only
// that language.
type cardJSON struct {
	ID     string     `json:"id"`
	Code   string     `json:"code"`
	Type   string     `json:"type"`
	Theme  string     `json:"theme"`
	Area   string     `json:"area"`
	Level  string     `json:"level"`
	Copies int        `json:"copies"`
	Tags   []string   `json:"tags"`
	Title  cards.Text `json:"title"`
	Body   cards.Text `json:"body"`
}

func runCards(e *env, args []string) error {
	fs := newFlags(e, "cards")
	deckName := fs.String("deck", "", "deck name or id")
	lang := fs.String("lang", "", "language of the texts shown")
	asJSON := fs.Bool("json", false, "machine-readable output")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *deckName == "" {
		return usagef("--deck is required")
	}
	d, err := e.findDeck(*deckName)
	if err != nil {
		return err
	}
	if *lang != "" && !d.HasLanguage(*lang) {
		return fmt.Errorf("deck %q has no texts in %q; its languages are %s", d.Name, *lang, strings.Join(d.Languages, ", "))
	}
	show := d.Lang(*lang)
	if *asJSON {
		out := make([]cardJSON, len(d.Cards))
		for i, c := range d.Cards {
			out[i] = cardJSON{c.ID, c.Code, c.Type, c.Theme, c.Area, c.Level, c.Copies, c.Tags, c.Title, c.Body}
			if *lang != "" {
				out[i].Title, out[i].Body = cards.Text{show: c.Title[show]}, cards.Text{show: c.Body[show]}
			}
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tTYPE\tTHEME\tAREA\tLEVEL\tCOPIES\tTITLE")
	for _, c := range d.Cards {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", c.Code, c.Type, dash(c.Theme), dash(c.Area), dash(c.Level), c.Copies, c.Title[show])
	}
	return tw.Flush()
}

func (e *env) findDeck(nameOrID string) (*cards.Deck, error) {
	store, err := e.open()
	if err != nil {
		return nil, err
	}
	return store.FindDeck(e.ctx, nameOrID)
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
