package cli

import (
	"errors"
	"flag"
	"io"
)

// newFlags makes a command's flag set. Every command takes --db.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported once, by Run
	fs.StringVar(&e.dbPath, "db", e.dbPath, "database file")
	return fs
}

// parse parses args, allowing options before and after the positional
// arguments ("import deck.csv --name X" as well as "import --name X deck.csv"),
// and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// noPositional refuses stray words after a command that takes none.
func noPositional(fs *flag.FlagSet, args []string) error {
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	return nil
}
