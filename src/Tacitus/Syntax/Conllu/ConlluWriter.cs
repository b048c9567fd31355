using System.Globalization;

namespace Tacitus.Syntax.Conllu;

/// <summary>Writes sentences as CoNLL-U: comments as read, multiword ranges before their first word, a blank line after each.</summary>
internal static class ConlluWriter
{
    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var comment in sentence.Comments)
        {
            writer.Write(comment);
            writer.Write('\n');
        }

        var range = 0;
        foreach (var word in sentence.Words)
        {
            while (range < sentence.Ranges.Count && sentence.Ranges[range].First == word.Id)
            {
                var r = sentence.Ranges[range++];
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{r.First}-{r.Last}\t{r.Form}\t_\t_\t_\t_\t_\t_\t_\t{r.Misc}\n"));
            }

            var head = word.Head < 0 ? "_" : word.Head.ToString(CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{word.Id}\t{word.Form}\t{word.Lemma}\t{word.Upos}\t{word.Xpos}\t{word.Feats}\t{head}\t{word.Relation}\t{word.Deps}\t{word.Misc}\n"));
        }

        writer.Write('\n');
    }
}
