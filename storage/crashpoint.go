package storage

// crashPoint is called between the steps of a restore and of an erasure,
// with the name of the step just done. It does nothing in the app; the
// crash tests set it to kill their child process there, so that every
// state a crash can leave between two steps is opened and checked.
var crashPoint = func(step string) {}
