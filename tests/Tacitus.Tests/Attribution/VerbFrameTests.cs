using Tacitus.Documents;
using Tacitus.Tests.Events;

namespace Tacitus.Tests.Attributions;

/// <summary>Verb-cue frames read on sentences written for the tests: the attribution with the given cue, its source
/// words and its content.</summary>
public sealed class VerbFrameTests
{
    internal static Documents.Attribution Find(Document document, string cue, string? source)
    {
        var found = document.Attributions
            .Where(a => document.Slice(a.Cue).ToString() == cue && (source is null || a.Source.Text == source))
            .ToList();
        Assert.True(found.Count == 1, $"expected one attribution with cue '{cue}' and source '{source}', found {found.Count}: " +
            string.Join(" | ", document.Attributions.Select(a => $"{document.Slice(a.Cue)}: {a.Source.Text} → {document.Slice(a.Content)}")));
        return found[0];
    }

    [Theory]
    // two apostrophes as quotation marks
    [InlineData("''The harbour stays shut,'' he said.", "said", "he", "The harbour stays shut")]
    // a participle shares its main clause's source; the main clause's content stops before it
    [InlineData("Regional leaders rejected the label, noting that it cost nothing.", "noting", "Regional leaders", "it cost nothing")]
    [InlineData("Regional leaders rejected the label, noting that it cost nothing.", "rejected", "Regional leaders", "the label")]
    // a trailing cue after a subject with an apposition
    [InlineData("“It is far from settled,” Senator Ruth Okafor, D-Ore., said.", "said", "Senator Ruth Okafor", "It is far from settled")]
    // a name before an aside that opens with a possessive or a preposition
    [InlineData("Mark Osei, its chief executive, said the budget was too small.", "said", "Mark Osei", "the budget was too small")]
    [InlineData("Halvorsen, at the Baltic Policy Centre, said the ports would merge.", "said", "Halvorsen", "the ports would merge")]
    // inverted cue with a title before the name, or an unnamed source with its relative clause
    [InlineData("“We will see,” said pollster Ida Marsh.", "said", "pollster Ida Marsh", "We will see")]
    [InlineData("“It was chaos,” said one aide who asked not to be named.", "said", "one aide who asked not to be named", "It was chaos")]
    // an intention governs an infinitive; a listener after "to" is not a raising verb
    [InlineData("Mayor Ana Ruiz wants to close the harbour in May.", "wants", "Mayor Ana Ruiz", "to close the harbour in May")]
    [InlineData("“We are ready,” Ruiz said to the crowd.", "said", "Ruiz", "We are ready")]
    // a participle after its auxiliary: the subject is before it
    [InlineData("The governor is saying that the vote was rigged.", "saying", "governor", "the vote was rigged")]
    // the antecedent of "who" is the source of a relative clause's cue
    [InlineData("The mayor rebuked critics who say the bridge is unsafe.", "say", "critics", "the bridge is unsafe")]
    // "told me." ends the clause: the content is before
    [InlineData("“Nobody warned us,” Ms. Varga told me.", "told", "Ms. Varga", "Nobody warned us")]
    // a base form after a plural subject ("records show")
    [InlineData("The fund raised two million, court records show.", "show", "court records", "The fund raised two million")]
    // an inverted source with a determiner after a preposition
    [InlineData("“That is why he won,” said a person close to the family.", "said", "person close to the family", "That is why he won")]
    public void Process_VerbFrames_FindSourceAndContent(string text, string cue, string source, string content)
    {
        var document = DocumentBuilder.With(text).Analyse();

        var a = Find(document, cue, source);
        Assert.Equal(content, document.Slice(a.Content).ToString());
    }

    [Fact]
    public void Process_InvertedUnnamedSourceWithRelativeClause_IsAnonymous()
    {
        var document = DocumentBuilder.With("“It was chaos,” said one aide who asked not to be named.").Analyse();

        Assert.True(Find(document, "said", null).Anonymous);
    }

    [Theory]
    [InlineData("The minister is said to have resigned.")]
    [InlineData("She won 20 pledged delegates in the state.")]
    public void Process_RaisingVerbOrAdjective_NoAttribution(string text)
    {
        var document = DocumentBuilder.With(text).Analyse();

        Assert.Empty(document.Attributions);
    }
}
