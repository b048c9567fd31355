using Tacitus.Documents;
using Tacitus.Text;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// The plain news text the entity recogniser's unlabelled statistics are counted over (its case profile, the word
/// clusters): the <c>.txt</c> files under <c>bbc/</c> and <c>polnear/train/</c> of a corpus folder, in name order,
/// segmented and tokenised as an analysis would.
/// </summary>
internal static class NewsCorpus
{
    private static readonly string[] Folders = ["bbc", Path.Combine("polnear", "train")];

    /// <summary>The corpus's text files in a fixed (ordinal) order; none when the folders are missing.</summary>
    public static List<string> Files(string folder)
    {
        var files = new List<string>();
        foreach (var sub in Folders)
        {
            var dir = Path.Combine(folder, sub);
            if (Directory.Exists(dir))
            {
                files.AddRange(Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.TXT", StringComparison.OrdinalIgnoreCase)));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>A text cut into sentences and tokens.</summary>
    public static Document Segment(string text, CancellationToken cancellationToken)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, cancellationToken);
        return document;
    }

    /// <summary>Each sentence of segmented documents with its tokens and the shipped tagger's UPOS tags (what the recogniser reads at run time).</summary>
    public static List<(string Text, Token[] Tokens, string[] Upos)> TaggedSentences(IEnumerable<Document> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var tagger = new TokenTagger();
        var result = new List<(string, Token[], string[])>();
        foreach (var document in documents)
        {
            tagger.Process(document, cancellationToken);
            foreach (var sentence in document.Sentences)
            {
                var syntax = document.SyntaxOf(sentence);
                var upos = new string[syntax.Length];
                for (var i = 0; i < upos.Length; i++)
                {
                    upos[i] = syntax[i].Upos;
                }

                result.Add((document.Text, document.TokensOf(sentence).ToArray(), upos));
            }
        }

        return result;
    }

    /// <summary>Each sentence of a segmented document as its tokens' text.</summary>
    public static IEnumerable<string[]> Sentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var sentence in document.Sentences)
        {
            var tokens = document.TokensOf(sentence);
            var words = new string[tokens.Length];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = tokens[i].Span.TextOf(document.Text);
            }

            yield return words;
        }
    }
}
