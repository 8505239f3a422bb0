package words

import (
	"strconv"
	"time"
)

// Date is a day as people read it in l: "12.3.2026" in Finnish,
// "2026-03-12" in Swedish (the Swedish standard way, SS-ISO 8601), "12
// March 2026" in English (a month's name, so that neither day-month nor
// month-day order is assumed). Every date a document or chart shows
// goes through here, so a report says its days one way throughout.
func (l Lang) Date(t time.Time) string {
	switch l.code {
	case "fi":
		return strconv.Itoa(t.Day()) + "." + strconv.Itoa(int(t.Month())) + "." + strconv.Itoa(t.Year())
	case "sv":
		return t.Format(time.DateOnly)
	}
	return t.Format("2 January 2006")
}

// DateOf is a YYYY-MM-DD day (as a workshop's date is kept) said by Date;
// text that is no such day is returned as it is, so a date written some
// other way is still shown, unchanged.
func (l Lang) DateOf(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return l.Date(t)
}
