package workbook

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"deckhand/assets"
	"deckhand/game"
	"deckhand/message"
)

// The workbook's own words, in English: each is the key of its
// translations in assets/translations, as the app's texts are. The deck
// names its areas and criteria, and the workshop its tables.
var (
	wordRanking      = message.Word("Ranking")
	wordMatrix       = message.Word("Matrix")
	wordNotes        = message.Word("Notes")
	wordRatings      = message.Word("Ratings")
	wordWorkshop     = message.Word("Workshop")
	wordClient       = message.Word("Client")
	wordSector       = message.Word("Sector")
	wordDate         = message.Word("Date")
	wordTable        = message.Word("Table")
	wordPath         = message.Word("Path")
	wordCode         = message.Word("Code")
	wordTitle        = message.Word("Title")
	wordType         = message.Word("Type")
	wordTheme        = message.Word("Theme")
	wordArea         = message.Word("Area")
	wordLevel        = message.Word("Level")
	wordCriterion    = message.Word("Criterion")
	wordPerspective  = message.Word("Perspective")
	wordValue        = message.Word("Value")
	wordRater        = message.Word("Rater")
	wordTimeUTC      = message.Word("Time (UTC)")
	wordRank         = message.Word("Rank")
	wordCustomer     = message.Word("Customer")
	wordOrganisation = message.Word("Organisation")
	wordCustomerMean = message.Word("Customer (mean)")
	wordOrgMean      = message.Word("Organisation (mean)")
	wordQuadrant     = message.Word("Quadrant")
	wordMidpoint     = message.Word("Midpoint")
	wordKind         = message.Word("Kind")
	wordNoteTaker    = message.Word("Note-taker")
	wordText         = message.Word("Text")
	wordNotRated     = message.Word("not rated")
)

// lowest, highest and raters head a perspective's spread and its number
// of raters (n): "Customer (lowest)".
func lowest(perspective message.Message) message.Message {
	return message.Say("%s (lowest)", perspective)
}

func highest(perspective message.Message) message.Message {
	return message.Say("%s (highest)", perspective)
}

func raters(perspective message.Message) message.Message {
	return message.Say("%s (raters)", perspective)
}

// quadrantWords name the quadrants as the Results screen does.
var quadrantWords = map[string]message.Message{
	game.QuadrantDoNow:         message.Word("Do now"),
	game.QuadrantMakeFeasible:  message.Word("Make feasible"),
	game.QuadrantMakeDesirable: message.Word("Make desirable"),
	game.QuadrantPark:          message.Word("Park"),
}

// noteKindWords name the kinds of note as the Workshop screen does.
var noteKindWords = map[string]message.Message{
	game.NoteIdea:     message.Word("Idea"),
	game.NoteConcern:  message.Word("Concern"),
	game.NoteDecision: message.Word("Decision"),
	game.NoteQuote:    message.Word("Quote"),
	game.NoteAction:   message.Word("Action"),
}

// catalogues are the translation files by language, read at the first
// word a workbook needs.
var catalogues = sync.OnceValue(func() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, code := range []string{"sv", "fi"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			continue // the English then: a workbook is never refused for a word
		}
		table := map[string]string{}
		if json.Unmarshal(data, &table) == nil {
			out[code] = table
		}
	}
	return out
})

// say is m in the language lang, as the app says it (kit.Say): its format
// looked up in the translations, words among its arguments said too, the
// English when lang has no translation of it.
func say(lang string, m message.Message) string {
	format := m.Format
	if t := catalogues()[lang][format]; t != "" {
		format = t
	}
	if len(m.Args) == 0 {
		return format
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if w, ok := a.(message.Message); ok {
			args[i] = say(lang, w)
		} else {
			args[i] = a
		}
	}
	text := fmt.Sprintf(format, args...)
	if format != m.Format && strings.Contains(text, "%!") {
		return fmt.Sprintf(m.Format, args...) // a translation with wrong verbs
	}
	return text
}
