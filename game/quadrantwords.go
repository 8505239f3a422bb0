package game

import "deckhand/message"

// QuadrantWord names a quadrant of the matrix (QuadrantDoNow, …) as the
// screens and the report both say it, from the one entry of the catalogue;
// a play not in a quadrant (a perspective not rated) is "not rated".
func QuadrantWord(q string) message.Message {
	if w, ok := quadrantWords[q]; ok {
		return w
	}
	return message.Word("not rated")
}

// quadrantWords are the quadrants as words; each is written out so that
// the translations test finds it.
var quadrantWords = map[string]message.Message{
	QuadrantDoNow:         message.Word("Do now"),
	QuadrantMakeFeasible:  message.Word("Make feasible"),
	QuadrantMakeDesirable: message.Word("Make desirable"),
	QuadrantPark:          message.Word("Park"),
}
