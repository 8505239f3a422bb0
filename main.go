// Deckhand is the facilitator's companion for the 4K card game on
// responsible data use: it manages decks, prints them and records workshops.
// With a command it runs the command line; without one it opens the desktop app.
package main

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"deckhand/cli"
	_ "deckhand/cli/cleanlocale" // before Fyne reads the locale
	"deckhand/storage"
	"deckhand/ui"
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		if meta, err := appMetadata(); err == nil {
			cli.AppVersion = meta.Version // written beside a team folder's files
		}
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	path, err := cli.AppDatabasePath(args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "deckhand:", err)
		os.Exit(cli.ExitUsage)
	}
	if meta, err := appMetadata(); err != nil {
		fmt.Fprintln(os.Stderr, "deckhand:", err) // the app still works; About shows no version
	} else {
		app.SetMetadata(meta)
	}
	ui.Start(app.NewWithID(ui.AppID), path, func(p string) (*storage.Store, error) {
		return cli.OpenStoreCheckingLater(context.Background(), p)
	})
}
