package lettatest

import (
	"bufio"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// WithLogger logs every request the server answers to l, at Info level:
// method, path (with the query), status and duration. A connection
// dropped by a Fault logs status 0.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) { o.logger = l }
}

// handler is the server's root handler, with request logging when asked.
func (s *Server) handler() http.Handler {
	h := http.HandlerFunc(s.serveHTTP)
	if s.opts.logger == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			s.opts.logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.RequestURI()),
				slog.Int("status", rec.status),
				slog.Duration("duration", time.Since(start)))
		}()
		h.ServeHTTP(rec, r)
		if rec.status == 0 && !rec.hijacked {
			rec.status = http.StatusOK
		}
	})
}

// statusRecorder notes the status a handler writes. It keeps the
// Flusher and Hijacker of the writer it wraps, which streams and faults
// use.
type statusRecorder struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusRecorder) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		if w.status == 0 {
			w.status = http.StatusOK
		}
		f.Flush()
	}
}

func (w *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("lettatest: connection cannot be hijacked")
	}
	w.hijacked = true
	return hj.Hijack()
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
