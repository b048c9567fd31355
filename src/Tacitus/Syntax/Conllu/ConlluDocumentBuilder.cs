using Tacitus.Documents;

namespace Tacitus.Syntax.Conllu;

/// <summary>
/// Builds a one-sentence <see cref="Document"/> (text, sentence, tokens with offsets, token layer) from a CoNLL-U
/// sentence and the text it was parsed from, so that a coder reading <see cref="Document.Syntax"/> runs on it as it
/// will on the pipeline's documents. The file's lemmas, tags and tree stand for the layer's: the document is marked
/// with both <see cref="Pipeline.Annotations.Tags"/> and <see cref="Pipeline.Annotations.Syntax"/>. Words are found in the text in order (whitespace may differ); when one is not
/// there (a parser that rewrote a quote mark), the text is rebuilt from the words instead.
/// </summary>
internal static class ConlluDocumentBuilder
{
    public static Document Build(ConlluSentence sentence, string? text, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var source = text is null ? null : string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var spans = source is null ? null : Locate(sentence, source);
        if (source is null || spans is null)
        {
            source = sentence.Text;
            spans = Locate(sentence, source) ?? Joined(sentence, out source);
        }

        var document = new Document(source, metadata ?? new DocumentMetadata { Format = "conllu" }) { Language = "en" };
        for (var i = 0; i < sentence.Words.Count; i++)
        {
            var word = sentence.Words[i];
            document.Tokens.Add(new Token(spans[i], Kind(word.Upos)));
            var head = word.Head <= 0 ? -1 : word.Head - 1;
            document.Syntax.Add(new TokenSyntax(word.Lemma, word.Upos, word.Xpos, head, word.Relation, WordShapes.Of(word.Form)));
        }

        var all = new TextSpan(0, source.Length);
        document.Paragraphs.Add(new Paragraph(0, all));
        document.Sentences.Add(new Sentence { Index = 0, Span = all, FirstToken = 0, TokenCount = sentence.Words.Count });
        document.MarkAnnotated(Pipeline.Annotations.Paragraphs | Pipeline.Annotations.Sentences | Pipeline.Annotations.Tokens | Pipeline.Annotations.Boilerplate | Pipeline.Annotations.Tags | Pipeline.Annotations.Syntax);
        return document;
    }

    private static TextSpan[]? Locate(ConlluSentence sentence, string text)
    {
        var spans = new TextSpan[sentence.Words.Count];
        var at = 0;
        for (var i = 0; i < spans.Length; i++)
        {
            var form = sentence.Words[i].Form;
            var found = text.IndexOf(form, at, StringComparison.Ordinal);
            if (found < 0 || text.AsSpan(at, found - at).Trim().Length > 0)
            {
                return null;
            }

            spans[i] = new TextSpan(found, found + form.Length);
            at = found + form.Length;
        }

        return spans;
    }

    private static TextSpan[] Joined(ConlluSentence sentence, out string text)
    {
        var spans = new TextSpan[sentence.Words.Count];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < spans.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            spans[i] = new TextSpan(builder.Length, builder.Length + sentence.Words[i].Form.Length);
            builder.Append(sentence.Words[i].Form);
        }

        text = builder.ToString();
        return spans;
    }

    private static TokenKind Kind(string upos) => upos switch
    {
        "PUNCT" => TokenKind.Punctuation,
        "SYM" => TokenKind.Symbol,
        "NUM" => TokenKind.Number,
        _ => TokenKind.Word,
    };
}
