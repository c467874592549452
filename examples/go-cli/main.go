// hello-forge-go: the Go twin of examples/rust-cli, so DeployForge's GOOS/GOARCH path has a real binary.
package main

import (
	"fmt"
	"os"
	"strings"
)

const name = "hello-forge-go"

// version is stamped at link time by the release build:
//
//	go build -ldflags "-X main.version=1.2.3"
//
// A var (not a const) because -X can only set package-level string variables.
var version = "dev"

func usage() string {
	return fmt.Sprintf("usage: %s [--version | --help | NAME]", name)
}

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		fmt.Printf("Hello from %s %s!\n", name, version)
		return
	}
	switch arg := args[0]; {
	case arg == "--version" || arg == "-V":
		fmt.Printf("%s %s\n", name, version)
	case arg == "--help" || arg == "-h":
		fmt.Println(usage())
	case strings.HasPrefix(arg, "-"):
		fmt.Fprintf(os.Stderr, "%s: unknown option %s\n%s\n", name, arg, usage())
		os.Exit(2)
	default:
		fmt.Printf("Hello, %s! (from %s %s)\n", arg, name, version)
	}
}
