package model

import (
	"bytes"
	_ "embed" // for the schema
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Schema is the JSON Schema (draft 2020-12) of the model's JSON.
//
//go:embed schema.json
var Schema []byte

var (
	compiled   *jsonschema.Schema
	compileErr error
	compileOne sync.Once
)

// schema compiles Schema once.
func schema() (*jsonschema.Schema, error) {
	compileOne.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
		if err != nil {
			compileErr = fmt.Errorf("model schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		if err = c.AddResource("schema.json", doc); err != nil {
			compileErr = fmt.Errorf("model schema: %w", err)
			return
		}
		compiled, compileErr = c.Compile("schema.json")
	})
	return compiled, compileErr
}

// Validate checks JSON bytes against Schema.
func Validate(jsonBytes []byte) error {
	s, err := schema()
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(jsonBytes))
	if err != nil {
		return fmt.Errorf("model json: %w", err)
	}
	return s.Validate(v)
}

// MarshalIndent returns the document's JSON, indented, ending in a new
// line; <, > and & are written as they are (a JSON file, not HTML).
func (d *Document) MarshalIndent() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
