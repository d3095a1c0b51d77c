package graph

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"os"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// TrustedDocuments is the allow-list of operations read from persisted
// document manifests (docs/clients.md: Persisted queries and trusted
// documents). When Enforce is set, nothing else runs.
type TrustedDocuments struct {
	Enforce bool
	byID    map[string]string   // document id, without a sha256: prefix → text
	texts   map[string]struct{} // every text, to accept a client that sends one in full
}

// LoadTrustedDocuments reads manifests and checks every entry before the
// server starts: the id matches the text when the id's shape says which hash
// it is, and the document parses and validates against the schema. The error
// lists every bad entry by file and id.
func LoadTrustedDocuments(enforce bool, paths ...string) (*TrustedDocuments, error) {
	t := &TrustedDocuments{Enforce: enforce, byID: map[string]string{}, texts: map[string]struct{}{}}
	schema := NewExecutableSchema(Config{}).Schema()
	var problems []string
	for _, path := range paths {
		entries, err := readManifest(path)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		ids := make([]string, 0, len(entries))
		for id := range entries {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			text := entries[id]
			if err := checkEntry(schema, id, text); err != nil {
				problems = append(problems, fmt.Sprintf("%s: entry %q: %v", path, id, err))
				continue
			}
			key := documentKey(id)
			if old, dup := t.byID[key]; dup && old != text {
				problems = append(problems, fmt.Sprintf("%s: entry %q: another manifest has a different document under this id", path, id))
				continue
			}
			t.byID[key] = text
			t.texts[text] = struct{}{}
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("trusted documents: %s", strings.Join(problems, "; "))
	}
	return t, nil
}

// Len is the number of distinct document ids.
func (t *TrustedDocuments) Len() int { return len(t.byID) }

// readManifest reads one file. Relay's persistConfig file and GraphQL Code
// Generator's persisted-documents.json are both an object of id → text;
// Apollo's persisted query manifest lists {id, body} operations.
func readManifest(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var apollo struct {
		Format     string `json:"format"`
		Operations []struct {
			ID   string `json:"id"`
			Body string `json:"body"`
		} `json:"operations"`
	}
	if json.Unmarshal(raw, &apollo) == nil && apollo.Format == "apollo-persisted-query-manifest" {
		entries := make(map[string]string, len(apollo.Operations))
		for _, op := range apollo.Operations {
			entries[op.ID] = op.Body
		}
		return nonEmpty(path, entries)
	}
	var entries map[string]string
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("%s: want a JSON object of document id to document text "+
			"(Relay's persistConfig file, GraphQL Code Generator's persisted-documents.json) "+
			"or an Apollo persisted query manifest: %v", path, err)
	}
	return nonEmpty(path, entries)
}

func nonEmpty(path string, entries map[string]string) (map[string]string, error) {
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: has no documents", path)
	}
	return entries, nil
}

// checkEntry verifies one manifest entry: the hash where the id is one, and
// the document against the schema, with the rules every request passes.
func checkEntry(schema *ast.Schema, id, text string) error {
	if id == "" || strings.TrimSpace(text) == "" {
		return fmt.Errorf("empty id or document")
	}
	if err := checkHash(id, text); err != nil {
		return err
	}
	doc, err := parser.ParseQuery(&ast.Source{Name: "document", Input: text})
	if err != nil {
		return fmt.Errorf("does not parse: %v", err)
	}
	if errs := validator.Validate(schema, doc); len(errs) > 0 {
		return fmt.Errorf("%s does not validate against the schema: %v", operationNames(doc), errs[0])
	}
	return nil
}

// checkHash recomputes the hash an id of a known shape claims to be: a
// sha256: prefix (GraphQL over HTTP) or 64 hex digits is SHA-256 (Code
// Generator, Apollo, Relay's SHA256), 40 is SHA-1 (older Code Generator and
// Relay's SHA1), 32 is MD5 (Relay's default). Other ids are custom and taken
// as they are.
func checkHash(id, text string) error {
	digest, prefixed := strings.CutPrefix(id, "sha256:")
	var h hash.Hash
	var name string
	switch {
	case prefixed || isHex(digest) && len(digest) == 2*sha256.Size:
		h, name = sha256.New(), "SHA-256"
	case isHex(digest) && len(digest) == 2*sha1.Size:
		h, name = sha1.New(), "SHA-1"
	case isHex(digest) && len(digest) == 2*md5.Size:
		h, name = md5.New(), "MD5"
	default:
		return nil
	}
	h.Write([]byte(text))
	if want := hex.EncodeToString(h.Sum(nil)); !strings.EqualFold(digest, want) {
		return fmt.Errorf("the id is not the hash of its document (its %s is %s); "+
			"regenerate the manifest instead of editing it", name, want)
	}
	return nil
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil && s != ""
}

// documentKey is how an id is stored and looked up: "sha256:<hex>" and
// "<hex>" name the same document.
func documentKey(id string) string {
	return strings.TrimPrefix(id, "sha256:")
}

func operationNames(doc *ast.QueryDocument) string {
	names := make([]string, 0, len(doc.Operations))
	for _, op := range doc.Operations {
		names = append(names, string(op.Operation)+" "+op.Name)
	}
	if len(names) == 0 {
		return "the document"
	}
	return strings.Join(names, ", ")
}
