using System.Globalization;
using Tacitus.Documents;
using Tacitus.Syntax.Training;

namespace Tacitus.Syntax.Conllu;

/// <summary>
/// Turns the token layer into CoNLL-U (<c>tacitus parse</c>): a document's sentences with their own tokens, or a
/// CoNLL-U sentence whose words are kept and whose LEMMA, UPOS, XPOS, HEAD and DEPREL are predicted (FEATS and
/// DEPS become <c>_</c>; comments, ranges and MISC stay as read).
/// </summary>
internal static class ConlluAnnotation
{
    /// <summary>The sentences of an analysed document (its <see cref="Document.Syntax"/> filled), with <c># sent_id</c> and <c># text</c>.</summary>
    public static IEnumerable<ConlluSentence> FromDocument(Document document, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var sentence in document.Sentences)
        {
            if (sentence.TokenCount == 0)
            {
                continue;
            }

            var result = new ConlluSentence();
            result.Comments.Add(string.Create(CultureInfo.InvariantCulture, $"# sent_id = {idPrefix}{sentence.Index + 1}"));
            result.Comments.Add($"# text = {Flatten(sentence.Span.Of(document.Text))}");
            var tokens = document.TokensOf(sentence);
            var layer = document.SyntaxOf(sentence);
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = layer[i];
                var head = t.Head < 0 ? 0 : t.Head - sentence.FirstToken + 1;
                var joined = i + 1 < tokens.Length && tokens[i + 1].Span.Start == tokens[i].Span.End;
                result.Words.Add(new ConlluWord(
                    i + 1, Flatten(tokens[i].Span.Of(document.Text)), t.Lemma, t.Upos, t.Xpos, "_", head, t.Relation, "_",
                    joined ? "SpaceAfter=No" : "_"));
            }

            yield return result;
        }
    }

    /// <summary>The sentence with its words kept and the rest predicted by <paramref name="models"/>.</summary>
    public static ConlluSentence Predict(ConlluSentence sentence, SyntaxModels models, SyntaxWorkspace work)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(models);
        var words = TreebankSentence.From(sentence);
        var layer = new List<TokenSyntax>(words.Count);
        SyntaxAnnotator.Annotate(models, words.Text, words.Words, 0, layer, work);
        var result = new ConlluSentence { Line = sentence.Line };
        result.Comments.AddRange(sentence.Comments);
        result.Ranges.AddRange(sentence.Ranges);
        for (var i = 0; i < layer.Count; i++)
        {
            var w = sentence.Words[i];
            var t = layer[i];
            result.Words.Add(w with
            {
                Lemma = t.Lemma, Upos = t.Upos, Xpos = t.Xpos, Feats = "_", Head = t.Head + 1, Relation = t.Relation, Deps = "_",
            });
        }

        return result;
    }

    /// <summary>A form or text on one CoNLL-U line: tabs and line breaks become spaces.</summary>
    private static string Flatten(ReadOnlySpan<char> text)
    {
        var s = text.ToString();
        return s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? s : s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
    }
}
