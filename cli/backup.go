package cli

import (
	"fmt"
	"text/tabwriter"

	"deckhand/storage"
)

func runBackup(e *env, args []string) error {
	fs := newFlags(e, "backup")
	out := fs.String("o", "", "the backup file to write (default: a new file in the database's backup folder)")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *out != "" {
		if err := e.checkOut(*out, *force); err != nil {
			return err
		}
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	if *out != "" {
		if err := store.BackupTo(e.ctx, *out); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "backed up %s to %s\n", store.Path(), *out)
		return nil
	}
	dir := storage.BackupDir(store.Path())
	path, err := store.Backup(e.ctx, dir)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	deleted, err := storage.Thin(dir, store.Now())
	if err != nil {
		return err
	}
	if len(deleted) > 0 {
		fmt.Fprintf(e.stdout, "removed %s no longer kept\n", plural(len(deleted), "old backup"))
	}
	return nil
}

func runRestore(e *env, args []string) error {
	fs := newFlags(e, "restore")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("restore takes one FILE, the backup to restore")
	}
	dbPath, err := databasePath(e.dbPath)
	if err != nil {
		return err
	}
	safety, err := storage.RestoreFile(pos[0], dbPath)
	if err != nil {
		return err
	}
	if safety != "" {
		fmt.Fprintf(e.stdout, "kept the database as it was in %s\n", safety)
	}
	fmt.Fprintf(e.stdout, "restored %s from %s\n", dbPath, pos[0])
	return nil
}

func runBackups(e *env, args []string) error {
	fs := newFlags(e, "backups")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	dbPath, err := databasePath(e.dbPath)
	if err != nil {
		return err
	}
	dir := storage.BackupDir(dbPath)
	list, err := storage.Backups(dir)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stdout, "no backups in %s\n", dir)
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MADE (UTC)\tSIZE\tFILE")
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", b.At.Format("2006-01-02 15:04:05"), size(b.Size), b.Path)
	}
	return tw.Flush()
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
