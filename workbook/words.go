package workbook

import (
	"deckhand/message"
	"deckhand/words"
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

// say is m in the language lang, as the app says it: the catalogue's
// (package words) words and sentences, the English where lang has none.
func say(lang string, m message.Message) string { return words.In(lang).Say(m) }
