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
	p, err := PlanCards(d, o)
	if err != nil {
		return nil, err
	}
	s := newSideLayouts(p)
	for _, c := range p.list {
		s.front(c)
		if o.Backs != BacksNone {
			s.back(c.Type)
		}
	}
	return s.issues(), nil
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
