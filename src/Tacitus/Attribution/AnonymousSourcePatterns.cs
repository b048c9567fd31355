using Tacitus.Knowledge;
using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>
/// Recognises sources that are not named (data/attribution/anonymous.tsv): marked words ("unidentified",
/// "anonymous"), phrases ("people familiar with the matter", "a source close to", "who asked not to be named"), and
/// bare role nouns with no name ("officials said", "a senior diplomat").
/// </summary>
internal sealed class AnonymousSourcePatterns
{
    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly List<string[]> phrases = [];
    private readonly HashSet<string> heads = new(StringComparer.Ordinal);
    private readonly HashSet<string> postModifiers = new(StringComparer.Ordinal);

    public AnonymousSourcePatterns(IEnumerable<(string Kind, string Words)> entries)
    {
        foreach (var (kind, text) in entries)
        {
            switch (kind)
            {
                case "word":
                    words.Add(text);
                    break;
                case "phrase":
                    phrases.Add(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "head":
                    heads.Add(text);
                    break;
                case "post-modifier":
                    postModifiers.Add(text);
                    break;
                default:
                    break;
            }
        }
    }

    public static AnonymousSourcePatterns Shipped { get; } = new(
        DataFile.Embedded(DataFile.ResourceName("attribution", "anonymous.tsv"))
            .Where(l => l.Fields.Length >= 2)
            .Select(l => (l.Fields[0].Trim(), l.Fields[1].Trim().ToLowerInvariant())));

    /// <summary>True when the word is an unnamed-source head ("officials", "diplomat").</summary>
    public bool IsHead(string lower) => heads.Contains(lower);

    /// <summary>The rule that makes tokens [first, last] an unnamed source, or null when it is named.</summary>
    /// <param name="namesPerson">True when an actor mention of a person lies in the source.</param>
    public string? Match(SentenceWords w, int first, int last, bool namesPerson)
    {
        for (var i = first; i <= last; i++)
        {
            if (words.Contains(w.Lower(i)))
            {
                return $"anonymous: \"{w.Lower(i)}\"";
            }

            foreach (var phrase in phrases)
            {
                var ok = i + phrase.Length - 1 <= last;
                for (var k = 0; k < phrase.Length && ok; k++)
                {
                    ok = w.Lower(i + k) == phrase[k];
                }

                if (ok)
                {
                    return $"anonymous: \"{string.Join(' ', phrase)}\"";
                }
            }
        }

        if (namesPerson)
        {
            return null;
        }

        var head = last;
        for (var i = first + 1; i <= last; i++)
        {
            if (postModifiers.Contains(w.Lower(i)) || w.IsPunctuation(i))
            {
                head = i - 1;
                break;
            }
        }

        return heads.Contains(w.Lower(head)) ? $"anonymous: unnamed \"{w.Lower(head)}\"" : null;
    }
}
