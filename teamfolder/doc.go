// Package teamfolder keeps a laptop's workshops in a team folder: a folder
// that a file-sync engine (OneDrive, Nextcloud, Dropbox, Syncthing, an SMB
// share) keeps alike on every laptop of a team. Each laptop writes its own
// files there and only those (workshops/<workshop>/<device>.json, a normal
// workshop file without real names, and devices/<device>.json, who it is),
// so no two laptops ever write the same file, and merges every other file
// it finds through the store's workshop merge, which is the same whatever
// the order of the files and however often each comes.
//
// A sync engine delivers files late, half-written, twice, out of order or
// renamed as conflict copies; the package takes each as it is: a file that
// does not parse yet is tried again later, never half merged; a conflict
// copy is merged like any file and removed once this laptop's own file
// carries what it held; a file from a newer Deckhand is left alone and
// said so. Writes are atomic (a temporary name the engines skip, then a
// rename) and wait a few seconds after the last change, so typing does not
// make a file a keystroke; an erasure is written at once. Reading follows
// the folder's events (fsnotify, whose one home this package is) and a
// periodic rescan, since network shares and some engines send no events;
// a small index beside the database remembers what was merged, so that a
// restart reads only what changed.
//
// The package talks to the database only through the store's exported
// methods (Store); it knows no SQL and no Fyne. See docs/team-folder.md.
package teamfolder
