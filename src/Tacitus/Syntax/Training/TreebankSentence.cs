using System.Text;
using Tacitus.Documents;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Syntax.Training;

/// <summary>
/// A treebank sentence as the learners see it: the words joined by single spaces into one text with each word's
/// span (so models read words the way they read a document's tokens), and the gold tags, lemmas and tree.
/// </summary>
internal sealed class TreebankSentence
{
    private TreebankSentence(string text, TextSpan[] words, ConlluWord[] gold, string source)
    {
        Text = text;
        Words = words;
        Gold = gold;
        Source = source;
    }

    /// <summary>The name of the file the sentence was read from ("" when not read from a file).</summary>
    public string Source { get; }

    public string Text { get; }

    public TextSpan[] Words { get; }

    /// <summary>The words as read (ID, FORM, LEMMA, UPOS, XPOS, HEAD, DEPREL...).</summary>
    public ConlluWord[] Gold { get; }

    public int Count => Words.Length;

    /// <summary>The joint tag the tagger predicts for word <paramref name="i"/>: "UPOS|XPOS".</summary>
    public string JointTag(int i) => PartOfSpeech.Joint(Gold[i].Upos, Gold[i].Xpos);

    public static TreebankSentence From(ConlluSentence sentence, string source = "")
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var builder = new StringBuilder();
        var spans = new TextSpan[sentence.Words.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var start = builder.Length;
            builder.Append(sentence.Words[i].Form);
            spans[i] = new TextSpan(start, builder.Length);
        }

        return new TreebankSentence(builder.ToString(), spans, [.. sentence.Words], source);
    }

    /// <summary>Reads every sentence of the CoNLL-U files, in the order given; unreadable sentences go to <paramref name="problems"/>.</summary>
    public static List<TreebankSentence> ReadAll(IEnumerable<string> files, ICollection<TacitusError> problems)
    {
        var result = new List<TreebankSentence>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            foreach (var sentence in ConlluReader.Read(reader, file, problems))
            {
                result.Add(From(sentence, Path.GetFileName(file)));
            }
        }

        return result;
    }
}
