using Tacitus.Syntax.Entities;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class ClusterTrainerTests
{
    // towns and verbs, each used in its own frames, many times over
    private static List<IReadOnlyList<string>> Sentences()
    {
        var towns = new[] { "Lisbon", "Porto", "Valera", "Quell" };
        var verbs = new[] { "walked", "drove", "sailed", "flew" };
        var people = new[] { "Ines", "Karl", "Maro", "Udden" };
        var sentences = new List<IReadOnlyList<string>>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var person in people)
            {
                foreach (var verb in verbs)
                {
                    foreach (var town in towns)
                    {
                        sentences.Add([person, verb, "to", town, "."]);
                        sentences.Add(["They", verb, "from", town, "again", "."]);
                    }
                }
            }
        }

        sentences.Add(["Once", "only", "."]);
        return sentences;
    }

    private static readonly ClusterTrainer Trainer = new() { Classes = 8, Iterations = 6 };

    private static string PathOf(List<(string Path, string Word, int Count)> rows, string word) => rows.Single(r => r.Word == word).Path;

    private static int Shared(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    [Fact]
    public void Train_SameSentences_SameRows()
    {
        Assert.Equal(Trainer.Train(Sentences()), Trainer.Train(Sentences()));
    }

    [Fact]
    public void Train_WordsUsedAlike_ShareALongerPrefixThanWordsUsedApart()
    {
        var rows = Trainer.Train(Sentences());

        Assert.True(Shared(PathOf(rows, "Lisbon"), PathOf(rows, "Porto")) > Shared(PathOf(rows, "Lisbon"), PathOf(rows, "drove")));
        Assert.True(Shared(PathOf(rows, "walked"), PathOf(rows, "flew")) > Shared(PathOf(rows, "walked"), PathOf(rows, "Karl")));
    }

    [Fact]
    public void Train_RareWord_NoRow()
    {
        var rows = Trainer.Train(Sentences());

        Assert.DoesNotContain(rows, r => r.Word == "Once");
        Assert.Contains(rows, r => r.Word == "Lisbon" && r.Count == 6 * 4 * 4 * 2);
    }

    [Fact]
    public void Train_Rows_OrderedByPathThenCount()
    {
        var rows = Trainer.Train(Sentences());

        Assert.Equal(rows.OrderBy(r => r.Path, StringComparer.Ordinal).ThenByDescending(r => r.Count).ThenBy(r => r.Word, StringComparer.Ordinal), rows);
        Assert.All(rows, r => Assert.Matches("^[01]*$", r.Path));
    }
}
