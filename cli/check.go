package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"deckhand/storage"
)

// runCheck checks the database and, when it finds damage, names the backup
// to restore with the command that restores it: a facilitator with a
// damaged file should not have to work out which of a folder of backups is
// the right one.
func runCheck(e *env, args []string) error {
	fs := newFlags(e, "check")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	store, err := e.open()
	if errors.Is(err, storage.ErrCorrupt) {
		// Too damaged to open: the advice is the same as for damage found
		// by the check.
		return damagedFile(e, err)
	}
	if err != nil {
		return err
	}
	report, err := store.Check(e.ctx)
	if err != nil {
		return err
	}
	if report.OK {
		fmt.Fprintln(e.stdout, "the database is sound")
		return nil
	}
	problems := make([]string, len(report.Problems))
	for i, p := range report.Problems {
		problems[i] = p.String() // the command line speaks English
	}
	if report.ErasureUnfinished && len(report.Problems) == 1 {
		// Its sentence says what to do; a backup would bring the data back.
		return checkProblems{problems: problems}
	}
	return checkProblems{problems: problems, advice: restoreAdvice(e, store.Path(), report.Restore, true)}
}

// damagedFile reports a database Open refused as damaged, with the backup
// to restore.
func damagedFile(e *env, openErr error) error {
	path, err := databasePath(e.dbPath)
	if err != nil {
		return openErr
	}
	choice, err := storage.NewestSoundBackup(e.ctx, storage.BackupDir(path))
	if err != nil {
		return fmt.Errorf("%w; its backups could not be looked through either: %v", openErr, err)
	}
	return checkProblems{problems: []string{openErr.Error()}, advice: restoreAdvice(e, path, choice, false)}
}

// checkProblems is an error listing check's problems one a line, below
// the "deckhand:" line, and then what to do about them.
type checkProblems struct {
	problems []string
	advice   []string
}

func (c checkProblems) Error() string {
	msg := fmt.Sprintf("%s in the database:\n  %s", plural(len(c.problems), "problem"), strings.Join(c.problems, "\n  "))
	if len(c.advice) > 0 {
		msg += "\n" + strings.Join(c.advice, "\n")
	}
	return msg
}

// restoreAdvice says in plain words which backup to restore and how, or
// that there is none to restore and what to do instead. kept says whether
// restore will back up the database first: it does not back up a file too
// damaged to open.
func restoreAdvice(e *env, dbPath string, c storage.RestoreChoice, kept bool) []string {
	var out []string
	if c.Found() {
		command := "deckhand restore " + shellQuote(c.Backup.Path)
		if e.dbPath != "" {
			// Without it, restore would put the backup in place of the
			// default database instead of this one.
			command = "deckhand --db " + shellQuote(dbPath) + " restore " + shellQuote(c.Backup.Path)
		}
		then := "It replaces what was saved since then; the database as it is now is kept as a backup first."
		if !kept {
			then = "It replaces the damaged file and what was saved since the backup was made."
		}
		out = append(out, "Restore the newest sound backup, made "+when(c.Backup.At)+", with:", "  "+command, then)
	}
	var times []string
	for _, b := range c.Skipped {
		times = append(times, when(b.At))
	}
	switch n := len(times); {
	case n == 1 && c.Found():
		out = append(out, "The newer backup made "+times[0]+" is damaged too, so it was skipped.")
	case n > 1 && c.Found():
		out = append(out, fmt.Sprintf("The %d newer backups (made %s) are damaged too, so they were skipped.", n, strings.Join(times, ", ")))
	case n == 1:
		out = append(out, "The only backup, made "+times[0]+", is damaged too, so there is none to restore.")
	case n > 1:
		out = append(out, fmt.Sprintf("All %d backups (made %s) are damaged too, so there is none to restore.", n, strings.Join(times, ", ")))
	case !c.Found():
		out = append(out, "There is no backup to restore in "+c.Dir+".")
	}
	if !c.Found() {
		out = append(out, "Save each workshop with deckhand workshop export while the file can still be read, and keep a copy of the database file as it is.")
	}
	return out
}

// when is a backup's time as the person's clock showed it.
func when(t time.Time) string {
	return t.Local().Format("2006-01-02 15:04")
}

// shellQuote quotes a path for a POSIX shell when it needs quoting, so the
// command printed can be pasted as it is.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+:@,=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
