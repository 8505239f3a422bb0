package pdf

import (
	"errors"
	"strings"

	"deckhand/cards"
)

// Preflight checks a card print before any PDF is written: texts that do
// not fit even at the smallest size, characters the font cannot draw,
// missing titles, duplicate codes, a selection with nothing to print, and
// crop marks or the page note that have no room on the sheet.
// An error means the options themselves cannot print (paper too small, an
// unknown code in Only); the issues are for the person to fix or accept.
func Preflight(d *cards.Deck, o CardOptions) ([]Issue, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	list, err := selection(d, o)
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
	var set issueSet
	set.add(deckIssues(d)...)
	lang := d.Lang(o.Lang)
	set.add(planSheet(m, g, o, d, lang, pageCount(len(list), g, o.Backs)).issues...)
	seen := map[string]bool{}
	types := map[string]bool{}
	for _, c := range list {
		key := c.Code + "\x00" + c.Type
		if seen[key] {
			continue
		}
		seen[key] = true
		types[c.Type] = true
		_, issues := layoutFront(m, d, c, lang, o.Size)
		set.add(issues...)
	}
	if o.Backs != BacksNone {
		for _, t := range d.CardTypes {
			if types[t.Key] {
				_, issues := layoutBack(m, d, t.Key, lang, o.Size)
				set.add(issues...)
			}
		}
	}
	return set.list, nil
}

// deckIssues turns what deck validation finds into preflight issues: a
// deck imported from an old file may hold duplicate codes or empty titles.
func deckIssues(d *cards.Deck) []Issue {
	var out []Issue
	if err := cards.Validate(d); err != nil {
		var ps cards.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				out = append(out, Issue{Severity: Error, Code: p.Card, Msg: p.Msg, Message: p.Message})
			}
		} else {
			out = append(out, newIssue(Error, "", "%v", err))
		}
	}
	return out
}

// HasErrors reports whether any issue is an error, not only a warning.
func HasErrors(issues []Issue) bool {
	for _, i := range issues {
		if i.Severity == Error {
			return true
		}
	}
	return false
}

// missingTitle reports a card whose title is missing in the printed
// language; the default language's title is printed in its place.
func missingTitle(c cards.Card, d *cards.Deck, lang string) []Issue {
	if c.Code == "" || strings.TrimSpace(c.Title[lang]) != "" {
		return nil
	}
	if strings.TrimSpace(c.Title[d.DefaultLang]) == "" {
		return []Issue{newIssue(Error, c.Code, "the card has no title")}
	}
	return []Issue{newIssue(Warning, c.Code, "the card has no title in %s; the %s title is printed", cards.LanguageName(lang), cards.LanguageName(d.DefaultLang))}
}
