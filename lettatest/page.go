package lettatest

import (
	"cmp"
	"net/http"
	"slices"
)

// cursorPage holds the pagination parameters of a list route.
type cursorPage struct {
	after, before *string
	limit         *int // nil: no limit
	desc          bool // newest first
	// model names the items in the error for a cursor that names none,
	// the server's NoResultFound("No <model> found with id ..."): a 404,
	// or status when the route turns it into another.
	model  string
	status int
}

// unknownCursor is the error for a cursor that names no item.
func (p cursorPage) unknownCursor(id string) error {
	return errStatus(cmp.Or(p.status, http.StatusNotFound), "No %s found with id %s", p.model, id)
}

// withDefault returns limit, or def when the query left it out.
func withDefault(limit *int, def int) *int {
	if limit != nil {
		return limit
	}
	return &def
}

// pageByID pages items (in creation order) as the server's
// SqlalchemyBase.list does (orm/sqlalchemy_base.py): the items strictly
// after the after cursor and strictly before the before cursor, sorted
// (oldest first unless desc), then the first limit of them. With both
// cursors it fetches 2*limit and keeps the middle limit of them, and
// without a limit it fails as the server does (limit * 2 on None: a 500).
// A cursor that names no item is p.unknownCursor's error, and a before cursor
// older than the after cursor is the server's 400.
func pageByID[T any](items []T, id func(T) string, p cursorPage) ([]T, error) {
	index := func(cursor string) (int, error) {
		i := slices.IndexFunc(items, func(it T) bool { return id(it) == cursor })
		if i < 0 {
			return 0, p.unknownCursor(cursor)
		}
		return i, nil
	}
	lo, hi := 0, len(items)
	if p.before != nil {
		i, err := index(*p.before)
		if err != nil {
			return nil, err
		}
		hi = i
	}
	if p.after != nil {
		i, err := index(*p.after)
		if err != nil {
			return nil, err
		}
		lo = i + 1
	}
	if p.after != nil && p.before != nil && hi < lo-1 {
		return nil, errStatus(http.StatusBadRequest, "'before' reference must be later than 'after' reference")
	}
	out := slices.Clone(items[lo:max(lo, hi)])
	if p.desc {
		slices.Reverse(out)
	}
	both := p.after != nil && p.before != nil
	switch {
	case both && p.limit == nil:
		return nil, errInternal
	case both:
		n := max(*p.limit, 0)
		out = out[:min(len(out), 2*n)]
		if len(out) > n {
			start := max(0, len(out)/2-n/2)
			out = out[start:min(len(out), start+n)]
		}
	case p.limit != nil && *p.limit >= 0 && len(out) > *p.limit:
		out = out[:*p.limit]
	}
	if out == nil {
		out = []T{}
	}
	return out, nil
}
