module github.com/letta-go/letta

go 1.26
