// Package cli is Deckhand's command line: the same operations as the desktop
// app (list, import, export and clone decks, and later print, report and
// merge) for scripts, batch work and tests. The contract it keeps is in
// docs/cli.md: exit status 0 on success, 1 on an error with one line on
// stderr starting "deckhand:", 2 on wrong usage.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/storage"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// command is one subcommand: its name, a one-line summary and its run
// function, which gets its own arguments and an environment to work in.
type command struct {
	name    string
	usage   string
	summary string
	run     func(env *env, args []string) error
}

func commands() []command {
	return []command{
		{"decks", "decks [--json] | decks publish --deck DECK [--off] | decks export-shared --deck DECK -o FILE [--force] | decks merge-shared [--dry-run] FILE | decks look --deck DECK [--logo FILE|--no-logo] [--logo-place centre|top|bottom] [--back-colour #RRGGBB|none] [--back-text LANG=TEXT] [--icon TYPE=FILE]", "list decks: name, id, client, edition, languages, cards; share a deck with the team folder, or as a file another laptop merges; show or set the client's look: logo, backs, type icons", runDecks},
		{"cards", "cards --deck DECK [--lang L] [--json]", "list a deck's cards", runCards},
		{"import", "import FILE [--name NAME] [--into DECK [--keep] [--dry-run]]", "make a deck from a .csv or .json file; --into updates one", runImport},
		{"export", "export --deck DECK [--format csv|json] [-o FILE [--force]]", "write a deck to a file (or standard output)", runExport},
		{"clone", "clone --deck DECK --name NAME [--client CLIENT]", "copy a deck for a client", runClone},
		{"print", "print cards|board|sheets|calibration|kit [OPTIONS]", "print-ready PDF: cards, board, rating sheets, calibration page, or the whole kit", runPrint},
		{"workshops", "workshops [--json]", "list workshops: date, title, client, deck, teams, cards played", runWorkshops},
		{"results", "results --workshop W|--all [--format csv|json|xlsx] [--separator ,|;|tab] [-o FILE [--force]] [--client C] [--sector S] [--from D] [--to D]", "scores of the cards played: one workshop, or all compared", runResults},
		{"workshop", "workshop export --workshop W -o FILE [--names] [--force] | workshop import [--dry-run] FILE", "move a workshop between laptops as a file", runWorkshop},
		{"sync", "sync [--folder DIR [--remember]] [--once] [--name NAME] [--debounce D] [--rescan D]", "share workshops through a team folder a sync engine keeps alike: write this laptop's, merge the others'", runSync},
		{"report", "report --workshop W -o FILE.pdf [--force] [--lang L] [--paper a4|letter] [--names] [--top N] [--across AXIS] [--up AXIS] | report --workshop W --chart-only -o FILE.png|FILE.svg [--format png|svg] [--width PX] [--across AXIS] [--up AXIS] [--lang L] [--force]", "the workshop report for the client, as PDF; or its matrix alone, for slides", runReport},
		{"backup", "backup [-o FILE [--force]]", "a checked copy of the database, into its backup folder or FILE", runBackup},
		{"backups", "backups", "list the database's backups, newest first", runBackups},
		{"restore", "restore FILE", "replace the database with a backup, keeping a backup of it first", runRestore},
		{"check", "check", "check the database for damage and broken links", runCheck},
		{"erase", "erase --workshop W [--notes]", "erase a workshop's personal data for real: real names, pseudonyms, roles; --notes the notes too", runErase},
	}
}

// env is what a command works with.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	dbPath string
	store  *storage.Store
}

// usageError marks wrong usage: exit status 2 and the command's usage line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// IsCommand reports whether args (without the program name) ask for a
// command-line command rather than the desktop app: the first argument that
// is not the --db option or its value is a word.
func IsCommand(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
		case a == "-h" || a == "--help" || a == "help":
			return true
		case strings.HasPrefix(a, "-"):
			return true // an unknown option: let Run say so
		default:
			return true
		}
	}
	return false
}

// AppDatabasePath returns the database the desktop app opens for args:
// --db FILE, else $DECKHAND_DB, else the user's own data file.
func AppDatabasePath(args []string) (string, error) {
	fs := flag.NewFlagSet("deckhand", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "")
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	return databasePath(*db)
}

func databasePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("DECKHAND_DB"); env != "" {
		return env, nil
	}
	return storage.DefaultPath()
}

// OpenStore opens the database at path and, the first time, fills it with
// the default deck. The desktop app and every command open it this way.
func OpenStore(ctx context.Context, path string) (*storage.Store, error) {
	return openStoreWaiting(ctx, path, 0)
}

// OpenStoreCheckingLater is OpenStore for the window: the check of the
// file's content may run after the open (storage.OpenCheckingLater), while
// the window draws its first screen.
func OpenStoreCheckingLater(ctx context.Context, path string) (*storage.Store, error) {
	store, err := storage.OpenCheckingLater(path)
	if err != nil {
		return nil, err
	}
	return seeded(ctx, store)
}

// lockWait is how long a command waits for a database another Deckhand (a
// window, or another command) holds before it says so: two commands of a
// script, or a command run while another finishes, then take turns.
var lockWait = 5 * time.Second

// openStoreWaiting is OpenStore waiting up to wait for the file's lock.
func openStoreWaiting(ctx context.Context, path string, wait time.Duration) (*storage.Store, error) {
	store, err := storage.OpenWaiting(path, wait)
	if err != nil {
		return nil, err
	}
	return seeded(ctx, store)
}

// seeded is store with the default deck stored in it, the first time; it
// closes store when that fails.
func seeded(ctx context.Context, store *storage.Store) (*storage.Store, error) {
	deck, err := cards.DefaultDeck()
	if err == nil {
		_, err = store.SeedDefaultDeck(ctx, deck)
	}
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("store the default deck: %w", err)
	}
	return store, nil
}

// Run runs one command line (without the program name) and returns the
// exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	name, rest, dbFlag := splitCommand(args)
	if name == "" || name == "help" || name == "-h" || name == "--help" {
		printUsage(stdout)
		return ExitOK
	}
	cmd, ok := findCommand(name)
	if !ok {
		fmt.Fprintf(stderr, "deckhand: unknown command %q\n", name)
		printUsage(stderr)
		return ExitUsage
	}
	e := &env{ctx: context.Background(), stdout: stdout, stderr: stderr, dbPath: dbFlag}
	defer func() {
		if e.store != nil {
			e.store.Close()
		}
	}()
	err := cmd.run(e, rest)
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stdout, "usage: deckhand %s\n", cmd.usage)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "deckhand: %s\nusage: deckhand %s\n", ue.msg, cmd.usage)
		return ExitUsage
	}
	printError(stderr, err)
	return ExitError
}

// splitCommand finds the command name, allowing --db before it.
func splitCommand(args []string) (name string, rest []string, db string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case (a == "--db" || a == "-db") && i+1 < len(args):
			db = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			db = strings.TrimPrefix(a, "--db=")
		case strings.HasPrefix(a, "-db="):
			db = strings.TrimPrefix(a, "-db=")
		default:
			return a, args[i+1:], db
		}
	}
	return "", nil, db
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: deckhand [--db FILE] [COMMAND [OPTIONS]]")
	fmt.Fprintln(w, "\nWith no command, Deckhand opens the desktop app. Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-52s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --db FILE (default: $DECKHAND_DB, else the user's data file).")
}

// printError writes the error as one line starting "deckhand:"; a list of
// problems in a file follows on indented lines, one problem a line.
func printError(w io.Writer, err error) {
	var ps cards.Problems
	if errors.As(err, &ps) && len(ps) > 1 {
		fmt.Fprintf(w, "deckhand: %s, nothing was changed:\n", plural(len(ps), "problem"))
		for _, line := range ps.Lines() {
			fmt.Fprintf(w, "  %s\n", line)
		}
		return
	}
	fmt.Fprintf(w, "deckhand: %v\n", err)
}

// open opens the database the command works on, once.
func (e *env) open() (*storage.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	path, err := databasePath(e.dbPath)
	if err != nil {
		return nil, err
	}
	if e.store, err = openStoreWaiting(e.ctx, path, lockWait); err != nil {
		return nil, err
	}
	return e.store, nil
}
