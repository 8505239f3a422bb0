package storage

import (
	"errors"

	"deckhand/message"
)

// Kinds of failure a caller may need to tell apart. Each error the package
// returns for them is an *OpenError or wraps the kind with context, and reads
// as one sentence a person can act on.
var (
	ErrNotFound        = errors.New("not found")
	ErrNameTaken       = errors.New("name taken")
	ErrInUse           = errors.New("used by workshops")
	ErrAmbiguous       = errors.New("ambiguous name")
	ErrBadFile         = errors.New("not a valid workshop file")
	ErrNotDatabase     = errors.New("not a database")
	ErrForeignDatabase = errors.New("another program's database")
	ErrNewerSchema     = errors.New("newer schema")
	ErrCorrupt         = errors.New("database damaged")
	ErrLocked          = errors.New("already open")
	ErrNoFolder        = errors.New("folder missing")
	ErrDiskFull        = errors.New("disk full")
)

// OpenError explains why a file could not be opened. The file is always
// left exactly as it was.
type OpenError struct {
	Path string
	Kind error
	text message.Message
}

func (e *OpenError) Error() string { return e.text.String() }
func (e *OpenError) Unwrap() error { return e.Kind }

// Message is the sentence as its English format and arguments, which the app
// says in the interface's language.
func (e *OpenError) Message() message.Message { return e.text }

func openError(path string, kind error, format string, args ...any) error {
	return &OpenError{Path: path, Kind: kind, text: message.Say(format, args...)}
}

// kindError is an error whose message is already a whole sentence for a
// person, marked with one of the kinds above for errors.Is. Like OpenError it
// keeps the sentence as a message.Message for the app to translate.
type kindError struct {
	kind error
	text message.Message
}

func (e *kindError) Error() string            { return e.text.String() }
func (e *kindError) Unwrap() error            { return e.kind }
func (e *kindError) Message() message.Message { return e.text }

func withKind(kind error, format string, args ...any) error {
	return &kindError{kind: kind, text: message.Say(format, args...)}
}
