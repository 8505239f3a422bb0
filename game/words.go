package game

import "deckhand/message"

// The words the screens and the documents (the report, the workbook) name
// a workshop's things with, each from one entry of the catalogue.

// QuadrantWord names a quadrant of the matrix (QuadrantDoNow, …) as the
// screens and the report both say it; a play not in a quadrant (a
// perspective not rated) is "not rated".
func QuadrantWord(q string) message.Message {
	if w, ok := quadrantWords[q]; ok {
		return w
	}
	return message.Word("not rated")
}

// NoteKindWord names a kind of note (NoteIdea, …) as the Workshop screen
// does; a kind the app does not know is shown as it is.
func NoteKindWord(kind string) message.Message {
	if w, ok := noteKindWords[kind]; ok {
		return w
	}
	return message.Message{Format: "%s", Args: []any{kind}}
}

// quadrantWords and noteKindWords are written out so that the translations
// test finds each word.
var (
	quadrantWords = map[string]message.Message{
		QuadrantDoNow:         message.Word("Do now"),
		QuadrantMakeFeasible:  message.Word("Make feasible"),
		QuadrantMakeDesirable: message.Word("Make desirable"),
		QuadrantPark:          message.Word("Park"),
	}
	noteKindWords = map[string]message.Message{
		NoteIdea:     message.Word("Idea"),
		NoteConcern:  message.Word("Concern"),
		NoteDecision: message.Word("Decision"),
		NoteQuote:    message.Word("Quote"),
		NoteAction:   message.Word("Action"),
	}
)
