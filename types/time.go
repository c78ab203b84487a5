package types

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Time is a timestamp as the Letta server sends it. It embeds time.Time, so
// all of time.Time's methods work on it.
//
// Decoding is lenient, like the reference client's: RFC 3339 with "Z" or a
// numeric offset ("2025-01-24T18:03:04+00:00"), any number of fractional
// digits, naive timestamps without a zone ("2025-01-24T17:59:37.406651",
// sent by SQLite-backed servers and for Job.CompletedAt), read as UTC; "T" or
// a space between date and time; a bare date ("2025-01-24", midnight UTC);
// a JSON number of Unix seconds; and JSON null, which leaves the value
// unchanged. Anything else is an error. Encoding writes RFC 3339 with
// nanosecond precision (time.RFC3339Nano), keeping the parsed offset.
type Time struct {
	time.Time
}

// NewTime wraps t as a Time.
func NewTime(t time.Time) Time { return Time{Time: t} }

var errBadTime = errors.New("not an RFC 3339 timestamp")

// UnmarshalJSON decodes a JSON string timestamp, a number of Unix seconds or
// null (see Time).
func (t *Time) UnmarshalJSON(data []byte) error {
	data = trimSpace(data)
	if string(data) == "null" {
		return nil
	}
	if len(data) > 0 && (data[0] == '-' || (data[0] >= '0' && data[0] <= '9')) {
		f, err := strconv.ParseFloat(string(data), 64)
		// Keep the year within 0000..9999 so the value encodes back.
		if err != nil || !validNumber(data) || math.IsNaN(f) || f < -62167219200 || f >= 253402300800 {
			return decodeErrorf("Time", "invalid Unix timestamp %.40s", data)
		}
		sec, frac := math.Modf(f)
		t.Time = time.Unix(int64(sec), int64(frac*1e9)).UTC()
		return nil
	}
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return decodeErrorf("Time", "expected a JSON string or number, got %s", kindName(jsonKind(data)))
	}
	if parsed, ok := parseTimeFast(data[1 : len(data)-1]); ok {
		t.Time = parsed
		return nil
	}
	s := string(data[1 : len(data)-1])
	if bytes.IndexByte(data[1:len(data)-1], '\\') >= 0 {
		// Timestamps never need escapes; reject rather than guess.
		return decodeErrorf("Time", "%q: %w", s, errBadTime)
	}
	parsed, err := parseTime(s)
	if err != nil {
		return &decodeError{typ: "Time", err: err}
	}
	t.Time = parsed
	return nil
}

// MarshalJSON encodes the timestamp as an RFC 3339 JSON string with up to
// nine fractional digits.
func (t Time) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, len(time.RFC3339Nano)+2)
	b = append(b, '"')
	b = t.Time.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), nil
}

// ParseTime parses a timestamp in any of the forms Time accepts from JSON
// strings: RFC 3339 with "Z" or an offset, a naive date-time read as UTC, or
// a bare date.
func ParseTime(s string) (time.Time, error) {
	if t, ok := parseTimeFast(s); ok {
		return t, nil
	}
	return parseTime(s)
}

// parseTime is ParseTime without the fast path: the general parser.
func parseTime(s string) (time.Time, error) {
	if len(s) < 10 {
		return time.Time{}, fmt.Errorf("%q: %w", s, errBadTime)
	}
	if len(s) == 10 {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: %w", s, errBadTime)
		}
		return t, nil
	}
	b := []byte(s)
	if b[10] == ' ' || b[10] == 't' {
		b[10] = 'T'
	}
	if last := len(b) - 1; b[last] == 'z' {
		b[last] = 'Z'
	}
	norm := string(b)
	if t, err := time.Parse(time.RFC3339Nano, norm); err == nil {
		return t, nil
	}
	// A naive timestamp: no zone. Go accepts any number of fractional
	// digits after the seconds even when the layout has none.
	if t, err := time.Parse("2006-01-02T15:04:05", norm); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q: %w", s, errBadTime)
}

// parseTimeFast parses the forms the server sends, without allocating:
// "2006-01-02T15:04:05", then an optional "." and 1 to 9 digits, then "Z",
// "±hh:mm" or nothing (naive, read as UTC). Like parseTime, it also takes
// "t" or " " for "T" and "z" for "Z". It gives the same Time as parseTime
// (which follows time.Parse, location included); ok is false for any other
// input, left to parseTime.
func parseTimeFast[S []byte | string](s S) (t time.Time, ok bool) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	ok = true
	num := func(s S, max int) int {
		n := 0
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				ok = false
				return 0
			}
			n = n*10 + int(s[i]-'0')
		}
		if n > max {
			ok = false
		}
		return n
	}
	year, month := num(s[0:4], 9999), num(s[5:7], 12)
	day, hour, minute, sec := num(s[8:10], 31), num(s[11:13], 23), num(s[14:16], 59), num(s[17:19], 59)
	if !ok || month < 1 || day < 1 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	s = s[19:]
	nsec := 0
	if len(s) > 0 && s[0] == '.' {
		n := 1
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 1 || n > 10 {
			return time.Time{}, false
		}
		nsec = num(s[1:n], 999999999)
		for range 10 - n {
			nsec *= 10
		}
		s = s[n:]
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	switch {
	case len(s) == 0 || (len(s) == 1 && (s[0] == 'Z' || s[0] == 'z')):
		return t, true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		offset := (num(s[1:3], 23)*60 + num(s[4:6], 59)) * 60
		if !ok {
			return time.Time{}, false
		}
		if s[0] == '-' {
			offset = -offset
		}
		t = t.Add(-time.Duration(offset) * time.Second)
		// As time.Parse does: the local zone if it has this offset then.
		if _, local := t.In(time.Local).Zone(); local == offset {
			return t.In(time.Local), true
		}
		return t.In(time.FixedZone("", offset)), true
	}
	return time.Time{}, false
}

// daysIn returns the number of days of month in year.
func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return int([...]byte{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1])
}
