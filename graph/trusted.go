package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innograph/innograph/graph/model"
)

// trustedExtension resolves document ids from the manifests and, when the
// documents are enforced, refuses every other document before it is parsed,
// so nothing outside the allow-list reaches a resolver. It runs before APQ,
// which NewHandler leaves out when enforcing, so that no client can register
// a document of its own.
type trustedExtension struct {
	docs   *TrustedDocuments
	logger *slog.Logger
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = trustedExtension{}

func (trustedExtension) ExtensionName() string { return "TrustedDocuments" }

func (trustedExtension) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters: a request that sends the document's text runs
// it if it is one of the manifest texts (or anything, when not enforcing);
// one that sends only an id runs the manifest's document for it. An id the
// manifests lack is NOT_FOUND, except an APQ hash when APQ may know it.
func (e trustedExtension) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	refs := documentRefs(ctx, p)
	if p.Query != "" {
		if _, trusted := e.docs.texts[p.Query]; e.docs.Enforce && !trusted {
			sum := sha256.Sum256([]byte(p.Query))
			e.logger.WarnContext(ctx, "refused a document that is not trusted",
				"op", p.OperationName, "sha256", hex.EncodeToString(sum[:]))
			return requestError(model.Errorf(model.CodeForbidden,
				"this server runs only trusted documents: send the id of a document from its manifest, not the document text"))
		}
		return nil
	}
	if len(refs) == 0 {
		return nil // gqlgen reports the missing document
	}
	for _, ref := range refs[1:] {
		if documentKey(ref.ID) != documentKey(refs[0].ID) {
			return requestError(model.Errorf(model.CodeBadUserInput,
				"the request names two documents: %s %q and %s %q", refs[0].Place, refs[0].ID, ref.Place, ref.ID))
		}
	}
	if text, ok := e.docs.byID[documentKey(refs[0].ID)]; ok {
		p.Query = text
		// Resolved: APQ, when on, would check the id as the text's SHA-256,
		// which a Relay MD5 or a Code Generator SHA-1 id is not.
		delete(p.Extensions, "persistedQuery")
		return nil
	}
	if !e.docs.Enforce && refs[0].Place == apqPlace {
		return nil // gqlgen's APQ looks in its cache
	}
	return requestError(model.Errorf(model.CodeNotFound, "no trusted document has the id %q (%s)", refs[0].ID, refs[0].Place))
}

// requestError is a model.Error refusing the request before execution,
// with its code set where gqlgen's transports look for it.
func requestError(me *model.Error) *gqlerror.Error {
	return &gqlerror.Error{Message: me.Message, Err: me, Extensions: extensions(me)}
}
