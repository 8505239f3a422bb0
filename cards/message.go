package cards

import "deckhand/message"

// refusal makes an error of one sentence for a person (message.Refusal):
// the errors of deck files and validation that the app translates.
func refusal(format string, args ...any) error {
	return message.Refusal(format, args...)
}
