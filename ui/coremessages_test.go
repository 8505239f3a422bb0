package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// corePackages make the sentences the app shows from outside ui: deck
// problems, refusals by the game's rules, preflight issues, storage errors,
// a chart that cannot be drawn as asked.
var corePackages = []string{"cards", "chart", "game", "pdf", "storage", "teamfolder"}

// printfVerb matches a verb of fmt, flags and precision included.
var printfVerb = regexp.MustCompile(`%[-+# 0]*(\d+|\*)?(\.\d+)?[a-zA-Z%]`)

// letter finds a word's letter.
var letter = regexp.MustCompile(`\pL`)

// sameWords are the words a language rightly writes as English does.
var sameWords = map[string][]string{"sv": {"Facilitator", "Organisation"}, "fi": {"Idea"}}

// sameInTranslation says whether a format's translation into code is
// rightly the English: it has no words, only verbs and signs ("%v"), or it
// is one of the language's sameWords.
func sameInTranslation(code, format string) bool {
	return !letter.MatchString(printfVerb.ReplaceAllString(format, "")) || slices.Contains(sameWords[code], format)
}

// Every sentence the core packages make as a message.Message has a Swedish and
// a Finnish translation with the same verbs in the same order, and en.json
// holds it as itself; otherwise a Finnish facilitator reads it in English.
// The formats are read from the source: the literals given to message.Say and
// message.Word, and to every function that passes its own parameter on as a
// format (withKind, refuse, newIssue, problemList.deck …), found by
// following the calls. A format that is not a literal fails the test, since
// no translation could be checked for it.
func TestCoreMessagesAreTranslated(t *testing.T) {
	formats, problems := coreFormats(t)
	for _, p := range problems {
		t.Error(p)
	}
	if len(formats) < 150 {
		t.Fatalf("found only %d formats in %v; the scan is broken", len(formats), corePackages)
	}
	en := readTranslations(t, "en")
	for _, code := range []string{"sv", "fi"} {
		table := readTranslations(t, code)
		for _, f := range sortedKeys(formats) {
			got, ok := table[f]
			switch {
			case !ok || got == "":
				t.Errorf("%s.json lacks %q (%s)", code, f, formats[f])
			case got == f && !sameInTranslation(code, f):
				t.Errorf("%s.json leaves %q in English", code, f)
			case strings.Join(printfVerb.FindAllString(got, -1), " ") != strings.Join(printfVerb.FindAllString(f, -1), " "):
				t.Errorf("%s.json: %q has verbs %v, its translation %q has %v", code, f, printfVerb.FindAllString(f, -1), got, printfVerb.FindAllString(got, -1))
			}
		}
	}
	for _, f := range sortedKeys(formats) {
		if en[f] != f {
			t.Errorf("en.json holds %q as %q; it must be the English itself", f, en[f])
		}
	}
}

// coreFormats returns each format the core packages make a Message of, with
// where one is, and what in the source could not be read as a format.
func coreFormats(t *testing.T) (formats map[string]string, problems []string) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{}
	for _, dir := range corePackages {
		paths, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			pkgs[dir] = append(pkgs[dir], f)
		}
	}
	// message.Say and message.Word take the format first; wrappers are found
	// per package until no new one turns up.
	seeds := map[string][]int{"Say": {0}, "Word": {0}, "Refusal": {0}}
	wrappers := map[string]map[string][]int{}
	for dir := range pkgs {
		wrappers[dir] = map[string][]int{}
	}
	for {
		formats, problems = map[string]string{}, nil
		grew := false
		for dir, files := range pkgs {
			for _, f := range files {
				eachCall(f, func(call *ast.CallExpr, encl *enclosing) {
					for _, i := range formatArgs(dir, call, seeds, wrappers[dir]) {
						if i >= len(call.Args) {
							continue
						}
						pos := fset.Position(call.Args[i].Pos()).String()
						switch arg := call.Args[i].(type) {
						case *ast.BasicLit:
							if s, err := strconv.Unquote(arg.Value); err == nil && arg.Kind == token.STRING {
								if s != "" {
									formats[s] = pos
								}
								continue
							}
						case *ast.Ident:
							if p := encl.param(arg.Name); p >= 0 && encl.name != "" {
								if !slices.Contains(wrappers[dir][encl.name], p) {
									wrappers[dir][encl.name] = append(wrappers[dir][encl.name], p)
									grew = true
								}
								continue
							}
						}
						problems = append(problems, pos+": a format that is not a string literal cannot be checked for a translation")
					}
				})
			}
		}
		if !grew {
			return formats, problems
		}
	}
}

// formatArgs are the indexes of call's arguments that are formats.
func formatArgs(dir string, call *ast.CallExpr, seeds map[string][]int, wrappers map[string][]int) []int {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		if dir == "message" && seeds[fn.Name] != nil {
			return seeds[fn.Name]
		}
		return wrappers[fn.Name]
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "message" {
			return seeds[fn.Sel.Name]
		}
		return wrappers[fn.Sel.Name] // a method, such as problemList.deck
	}
	return nil
}

// enclosing is the function a call is in: its name (a closure's is the
// variable it is assigned to) and its parameters.
type enclosing struct {
	name   string
	params []string
}

func (e *enclosing) param(name string) int {
	if e == nil {
		return -1
	}
	for i, p := range e.params {
		if p == name {
			return i
		}
	}
	return -1
}

// eachCall visits every call in f with the function it is in.
func eachCall(f *ast.File, visit func(*ast.CallExpr, *enclosing)) {
	var stack []ast.Node
	var funcs []*enclosing
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			if _, ok := stack[len(stack)-1].(*ast.FuncLit); ok {
				funcs = funcs[:len(funcs)-1]
			} else if _, ok := stack[len(stack)-1].(*ast.FuncDecl); ok {
				funcs = funcs[:len(funcs)-1]
			}
			stack = stack[:len(stack)-1]
			return true
		}
		switch x := n.(type) {
		case *ast.FuncDecl:
			funcs = append(funcs, &enclosing{name: x.Name.Name, params: paramNames(x.Type)})
		case *ast.FuncLit:
			funcs = append(funcs, &enclosing{name: closureName(stack, x), params: paramNames(x.Type)})
		case *ast.CallExpr:
			var encl *enclosing
			if len(funcs) > 0 {
				encl = funcs[len(funcs)-1]
			}
			visit(x, encl)
		}
		stack = append(stack, n)
		return true
	})
}

func paramNames(ft *ast.FuncType) []string {
	var names []string
	for _, field := range ft.Params.List {
		for _, n := range field.Names {
			names = append(names, n.Name)
		}
	}
	return names
}

// closureName is the variable a function literal is assigned to, "" when
// it is not assigned (passed on directly).
func closureName(stack []ast.Node, lit *ast.FuncLit) string {
	if len(stack) == 0 {
		return ""
	}
	if as, ok := stack[len(stack)-1].(*ast.AssignStmt); ok {
		for i, rhs := range as.Rhs {
			if rhs == lit && i < len(as.Lhs) {
				if id, ok := as.Lhs[i].(*ast.Ident); ok {
					return id.Name
				}
			}
		}
	}
	return ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
