// Command deckhand-cli is Deckhand's command line on its own, without the
// desktop app: the same commands as `deckhand COMMAND` (package cli).
//
// It exists for Windows, where the desktop app is linked as a GUI program,
// which Windows starts without a console: what it prints goes nowhere, so
// a command run from a terminal or a script would say nothing. This
// binary is a console program. It links no Fyne, so it also builds and
// runs where no display or OpenGL is at hand. On Linux and macOS the one
// `deckhand` binary serves both, and this one is only built for checks.
package main

import (
	"os"

	"deckhand/cli"
	_ "deckhand/cli/cleanlocale" // a C locale replaced before anything reads it
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
