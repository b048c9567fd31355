using System.Globalization;
using Tacitus.Documents;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Eval.Scoring;

/// <summary>One gold word placed in a raw-text document: its surface token's span and its head as a document word index (-1 for the root).</summary>
internal readonly record struct RawGoldWord(ConlluWord Word, int Token, TextSpan Span, int Head, bool InMultiword);

/// <summary>
/// One document of a treebank rebuilt as raw text from its <c># text</c> lines, as the CoNLL 2018 shared task gave systems
/// their input: sentences of a paragraph joined by a space, paragraphs (<c># newpar</c>) and documents (<c># newdoc</c>)
/// apart. Each gold surface token and word is placed in that text by character offsets, so a system's own sentences and
/// tokens can be aligned to it.
/// </summary>
internal sealed class RawTextGold
{
    private RawTextGold(string text, List<TextSpan> tokens, List<RawGoldWord> words, List<TextSpan> sentences)
    {
        Text = text;
        Tokens = tokens;
        Words = words;
        Sentences = sentences;
    }

    public string Text { get; }

    /// <summary>Surface tokens (a multiword token such as "it's" is one).</summary>
    public IReadOnlyList<TextSpan> Tokens { get; }

    /// <summary>Syntactic words, in order; the words of a multiword token share its span.</summary>
    public IReadOnlyList<RawGoldWord> Words { get; }

    public IReadOnlyList<TextSpan> Sentences { get; }

    /// <summary>
    /// Groups <paramref name="sentences"/> into documents at <c># newdoc</c> and places their tokens. A sentence whose token
    /// forms are not found in its <c># text</c> in order is left out and reported in <paramref name="problems"/>.
    /// </summary>
    public static IEnumerable<RawTextGold> Documents(IEnumerable<ConlluSentence> sentences, string file, ICollection<TacitusError> problems)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(problems);
        var builder = new Builder();
        foreach (var sentence in sentences)
        {
            if (sentence.Comments.Exists(c => c.StartsWith("# newdoc", StringComparison.Ordinal)) && builder.Sentences.Count > 0)
            {
                yield return builder.Finish();
                builder = new Builder();
            }

            var newParagraph = sentence.Comments.Exists(c => c.StartsWith("# newpar", StringComparison.Ordinal));
            if (!builder.Add(sentence, newParagraph))
            {
                problems.Add(new TacitusError(Syntax.Conllu.ConlluReader.Malformed, "eval", "the words' forms are not the sentence's # text in order; sentence left out of the raw-text scores",
                    file, string.Create(CultureInfo.InvariantCulture, $"line {sentence.Line}")));
            }
        }

        if (builder.Sentences.Count > 0)
        {
            yield return builder.Finish();
        }
    }

    private sealed class Builder
    {
        private readonly System.Text.StringBuilder text = new();
        private readonly List<TextSpan> tokens = [];
        private readonly List<RawGoldWord> words = [];

        public List<TextSpan> Sentences { get; } = [];

        public bool Add(ConlluSentence sentence, bool newParagraph)
        {
            var raw = sentence.Text;
            var start = text.Length == 0 ? 0 : text.Length + (newParagraph ? 2 : 1);
            var placed = Place(sentence, raw, start);
            if (placed is null)
            {
                return false;
            }

            if (text.Length > 0)
            {
                text.Append(newParagraph ? "\n\n" : " ");
            }

            text.Append(raw);
            var (sentenceTokens, sentenceWords) = placed.Value;
            var firstWord = words.Count;
            foreach (var w in sentenceWords)
            {
                words.Add(w with { Token = w.Token + tokens.Count, Head = w.Head < 0 ? -1 : firstWord + w.Head });
            }

            tokens.AddRange(sentenceTokens);
            Sentences.Add(new TextSpan(sentenceTokens[0].Start, sentenceTokens[^1].End));
            return true;
        }

        public RawTextGold Finish() => new(text.ToString(), tokens, words, Sentences);

        /// <summary>Finds each surface token's form in <paramref name="raw"/> in order; null when one is missing.</summary>
        private static (List<TextSpan> Tokens, List<RawGoldWord> Words)? Place(ConlluSentence sentence, string raw, int offset)
        {
            var spans = new List<TextSpan>();
            var placed = new List<RawGoldWord>(sentence.Words.Count);
            var position = 0;
            var w = 0;
            while (w < sentence.Words.Count)
            {
                var range = sentence.Ranges.Find(r => r.First == w + 1);
                var form = range is null ? sentence.Words[w].Form : range.Form;
                var count = range is null ? 1 : range.Last - range.First + 1;
                while (position < raw.Length && char.IsWhiteSpace(raw[position]))
                {
                    position++;
                }

                if (form.Length == 0 || !raw.AsSpan(position).StartsWith(form, StringComparison.Ordinal) || w + count > sentence.Words.Count)
                {
                    return null;
                }

                var span = new TextSpan(offset + position, offset + position + form.Length);
                for (var k = 0; k < count; k++)
                {
                    var word = sentence.Words[w + k];
                    placed.Add(new RawGoldWord(word, spans.Count, span, word.Head <= 0 ? -1 : word.Head - 1, range is not null));
                }

                spans.Add(span);
                position += form.Length;
                w += count;
            }

            return spans.Count == 0 ? null : (spans, placed);
        }
    }
}
