// Deckhand is the facilitator's companion for the 4K card game on
// responsible data use: it manages decks, prints them and records workshops.
// With a command it runs the command line; without one it opens the desktop app.
package main

import (
	"context"
	"os"

	"fyne.io/fyne/v2/app"

	"deckhand/cli"
	"deckhand/ui"
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	a := app.NewWithID(ui.AppID)
	path, err := cli.AppDatabasePath(args)
	if err != nil {
		ui.ShowStartError(a, err)
		return
	}
	store, err := cli.OpenStore(context.Background(), path)
	if err != nil {
		ui.ShowStartError(a, err)
		return
	}
	defer store.Close()
	ui.Run(a, store)
}
