using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Mentions.Quantities;

namespace Tacitus.Fusion;

/// <summary>
/// Reads the figures of an event from its sentence: each quantity of people or money there, the word nearest to it
/// that says what it counts ("12 people were killed", "the death toll rose to 12", "5,000 troops"), and the
/// qualifier before it ("at least"). Figure words and qualifiers are data (data/fusion).
/// </summary>
internal sealed class FigureReader(FusionLexicon lexicon)
{
    private const int Window = 5;

    private readonly System.Collections.Frozen.FrozenDictionary<string, FigureKind>.AlternateLookup<ReadOnlySpan<char>> figureWords = lexicon.FigureWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public IEnumerable<FusedFigure> Read(Document document, int sentence, PloverType type)
    {
        if (sentence < 0 || sentence >= document.Sentences.Count)
        {
            yield break;
        }

        var tokens = document.TokensOf(document.Sentences[sentence]).ToArray();
        for (var m = 0; m < document.Mentions.Count; m++)
        {
            var mention = document.Mentions[m];
            if (mention.Kind != MentionKind.Quantity || mention.Sentence != sentence || mention.Quantity is not { } quantity ||
                (quantity.Value ?? quantity.High ?? quantity.Low) is not double value || !UnitTable.TryWord(quantity.Unit, out var unit))
            {
                continue;
            }

            string? kind = null;
            if (unit.Dimension == Dimension.Money)
            {
                kind = "money";
            }
            else if (unit.Dimension == Dimension.People)
            {
                kind = KindNear(document, tokens, mention.Span, type);
            }

            if (kind is null)
            {
                continue;
            }

            yield return new FusedFigure(kind, value, QualifierBefore(document, tokens, mention.Span.Start), quantity.Unit, m);
        }
    }

    private string? KindNear(Document document, Token[] tokens, TextSpan span, PloverType type)
    {
        var first = Array.FindIndex(tokens, t => t.Span.End > span.Start);
        var last = Array.FindLastIndex(tokens, t => t.Span.Start < span.End);
        if (first < 0 || last < first)
        {
            return null;
        }

        // inside the quantity first ("30 injured", "12 soldiers"), then outwards: after, before, one step at a time
        for (var i = first; i <= last; i++)
        {
            if (Kind(document, tokens[i], type) is { } inside)
            {
                return inside;
            }
        }

        for (var step = 1; step <= Window; step++)
        {
            if (last + step < tokens.Length && Kind(document, tokens[last + step], type) is { } after)
            {
                return after;
            }

            if (first - step >= 0 && Kind(document, tokens[first - step], type) is { } before)
            {
                return before;
            }
        }

        return null;
    }

    private string? Kind(Document document, Token token, PloverType type)
    {
        if (token.Kind != TokenKind.Word)
        {
            return null;
        }

        var word = LowerWord.Of(document.Slice(token.Span), stackalloc char[LowerWord.Buffer]);
        return figureWords.TryGetValue(word, out var kind) && kind.Types.Contains(type) ? kind.Kind : null;
    }

    private string? QualifierBefore(Document document, Token[] tokens, int start)
    {
        var at = Array.FindIndex(tokens, t => t.Span.End > start);
        if (at < 0)
        {
            return null;
        }

        // "$5 million": the sign is a token of the quantity; the qualifier is before it
        foreach (var (words, qualifier) in lexicon.Qualifiers)
        {
            if (at - words.Length < 0)
            {
                continue;
            }

            var match = true;
            for (var k = 0; k < words.Length && match; k++)
            {
                match = document.Slice(tokens[at - words.Length + k].Span).Equals(words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (match)
            {
                return qualifier;
            }
        }

        return null;
    }
}
