package core

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// Backoff bounds: the first retry waits about BaseDelay, each next one
// twice as long, never more than MaxDelay; a server's Retry-After is
// honoured up to MaxRetryAfter.
const (
	BaseDelay     = 500 * time.Millisecond
	MaxDelay      = 8 * time.Second
	MaxRetryAfter = 60 * time.Second
)

// retryable decides whether a failed attempt may be sent again. GET, PUT
// and DELETE are retried on connection errors, 408, 409, 429 and 5xx. POST
// and PATCH are retried only where the server cannot have acted on them: a
// 429 or 503, or a connection that failed before the whole request was
// written (a retried message would run the agent twice). A body that cannot be
// replayed is never retried.
func retryable(p *prepared, res attemptResult) bool {
	if !p.replayable() {
		return false
	}
	idempotent := p.method == http.MethodGet || p.method == http.MethodHead ||
		p.method == http.MethodPut || p.method == http.MethodDelete || p.method == http.MethodOptions
	switch s := res.status; {
	case s == 0:
		return idempotent || !res.sent
	case s >= 200 && s <= 299:
		return idempotent && res.bodyError
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		return true
	default:
		return idempotent && (s == http.StatusRequestTimeout || s == http.StatusConflict || s >= 500)
	}
}

// backoff returns the wait before retry number attempt+1: the server's
// Retry-After when it gave a usable one, else exponential backoff with up
// to 25% jitter.
func backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter >= 0 {
		return retryAfter
	}
	d := BaseDelay << min(attempt, 10)
	if d > MaxDelay {
		d = MaxDelay
	}
	return d - time.Duration(rand.Float64()*0.25*float64(d))
}

// retryAfter reads Retry-After-Ms (milliseconds) or Retry-After (seconds
// or an HTTP date). It returns -1 when neither is present or usable
// (negative, garbage); a longer wait than MaxRetryAfter is capped.
func retryAfter(h http.Header) time.Duration {
	d := time.Duration(-1)
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 && ms < 1e12 {
			d = time.Duration(ms * float64(time.Millisecond))
		}
	}
	if v := h.Get("Retry-After"); d < 0 && v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil {
			if s >= 0 && s < 1e9 {
				d = time.Duration(s * float64(time.Second))
			}
		} else if t, err := http.ParseTime(v); err == nil {
			d = max(time.Until(t), 0)
		}
	}
	return min(d, MaxRetryAfter)
}
