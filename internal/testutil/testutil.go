// Package testutil holds helpers shared by the tests of the SDK's packages:
// a fake cursor-paginated list server, an iterator drain, a request
// recorder and the loader of the server response fixtures in
// testdata/responses.
//
// It imports no package of the SDK, so that every package's tests,
// in-package ones included, can use it.
package testutil
