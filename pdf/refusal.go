package pdf

import "deckhand/message"

// refusalError is a print the options or the deck do not allow, in one
// sentence that the app says in the interface's language.
type refusalError struct{ text message.Message }

func (e *refusalError) Error() string            { return e.text.String() }
func (e *refusalError) Message() message.Message { return e.text }

// refusal makes the error for a print that cannot be made as asked.
func refusal(format string, args ...any) error {
	return &refusalError{message.Say(format, args...)}
}
