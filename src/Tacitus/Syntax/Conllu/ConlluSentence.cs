namespace Tacitus.Syntax.Conllu;

/// <summary>
/// One syntactic word of a CoNLL-U sentence: the ten columns <c>ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC</c>,
/// with <c>_</c> kept as written. <see cref="Head"/> is 0 for the root and -1 when the column is <c>_</c>.
/// </summary>
internal sealed record ConlluWord(
    int Id, string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, string Deps, string Misc);

/// <summary>
/// A multiword token line (<c>3-4 don't</c>): the surface form of the syntactic words <see cref="First"/> to
/// <see cref="Last"/>, kept so that a sentence can be written back as it was read.
/// </summary>
internal sealed record ConlluRange(int First, int Last, string Form, string Misc);

/// <summary>One CoNLL-U sentence: its comment lines (without the leading <c>#</c> kept as written), words and ranges.</summary>
internal sealed class ConlluSentence
{
    public List<string> Comments { get; } = [];

    public List<ConlluWord> Words { get; } = [];

    public List<ConlluRange> Ranges { get; } = [];

    /// <summary>Line of the file where the sentence starts (1-based), for error messages.</summary>
    public int Line { get; init; }

    /// <summary>The value of a <c># key = value</c> comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var comment in Comments)
        {
            var c = comment.AsSpan().TrimStart('#').Trim();
            if (c.StartsWith(key, StringComparison.Ordinal))
            {
                var rest = c[key.Length..].TrimStart();
                if (rest.Length > 0 && rest[0] == '=')
                {
                    return rest[1..].Trim().ToString();
                }
            }
        }

        return null;
    }

    /// <summary>The sentence's <c># text</c>, or its words joined by spaces (honouring <c>SpaceAfter=No</c>).</summary>
    public string Text => Comment("text") ?? JoinWords();

    private string JoinWords()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var word in Words)
        {
            builder.Append(word.Form);
            if (!word.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal))
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
