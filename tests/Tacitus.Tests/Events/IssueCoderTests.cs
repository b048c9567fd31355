using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Events;
using Tacitus.Knowledge;
using Tacitus.Pipeline;
using Tacitus.Text;

namespace Tacitus.Tests.Events;

public sealed class IssueCoderTests
{
    /// <summary>A small issue dictionary in PETRARCH's form: nouns, a plain phrase, a compound, exclusions.</summary>
    private static readonly string[] Dictionary =
    [
        "# test issues",
        "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">",
        "n:teacher [TEACHERS]",
        "n:school [SCHOOLS]",
        "higher education [POSTSECONDARY_EDUCATION]",
        "n:university [POSTSECONDARY_EDUCATION]",
        "early+childhood education [EARLY_CHILDHOOD_EDUCATION]",
        "head start [EARLY_CHILDHOOD_EDUCATION]",
        "~a head start",
        "</ISSUE>",
        "<ISSUE CATEGORY=\"MIGRATION\" TYPE=\"ALL\">",
        "n:refugee [REFUGEES]",
        "refugee camp [REFUGEE_CAMPS]",
        "</ISSUE>",
    ];

    /// <summary>
    /// Words are written <c>surface/UPOS/lemma</c> where the tags matter (the token layer's reading, set by hand);
    /// other words get UPOS X and their lower-case form as lemma.
    /// </summary>
    [Theory]
    [InlineData("Striking teachers/NOUN/teacher closed the schools/NOUN/school in the north .", "TEACHERS:1 SCHOOLS:1")]
    [InlineData("The teacher/NOUN/teacher met another teacher/NOUN/teacher and a third teachers/NOUN/teacher .", "TEACHERS:3")]
    [InlineData("Ministers debated home schooling/NOUN/schooling at length .", "")]
    [InlineData("Police will school/VERB/school the recruits .", "")]
    [InlineData("Funding for higher education and the university/NOUN/university rose .", "POSTSECONDARY_EDUCATION:2")]
    [InlineData("Higher Education was cut .", "POSTSECONDARY_EDUCATION:1")]
    [InlineData("They backed early childhood education in the region .", "EARLY_CHILDHOOD_EDUCATION:1")]
    [InlineData("They backed early-childhood education in the region .", "EARLY_CHILDHOOD_EDUCATION:1")]
    [InlineData("The programme called Head Start grew .", "EARLY_CHILDHOOD_EDUCATION:1")]
    [InlineData("The team got a head start on the schools/NOUN/school .", "")]
    [InlineData("Refugees/NOUN/refugee fled to the refugee/NOUN/refugee camp/NOUN/camp near the border .", "REFUGEES:1 REFUGEE_CAMPS:1")]
    [InlineData("The army shelled the town .", "")]
    public void IssuesOf_Sentence_CodesWithCounts(string words, string expected)
    {
        var document = Tagged(words);
        var coder = Coder();

        var issues = coder.IssuesOf(document, document.Sentences[0]);

        Assert.Equal(expected, string.Join(' ', issues.Select(i => $"{i.Code}:{i.Count}")));
    }

    [Fact]
    public void Process_EventsInTwoSentences_EachGetsItsSentencesIssues()
    {
        var document = Tagged("Teachers/NOUN/teacher marched .", "The army shelled the town .");
        var first = Event(document, 0);
        var second = Event(document, 1);
        var third = Event(document, 0);

        Coder().Process(document, CancellationToken.None);

        Assert.Equal([new IssueCount("TEACHERS", 1)], first.Issues);
        Assert.Empty(second.Issues);
        Assert.Equal(first.Issues, third.Issues);
    }

    [Fact]
    public void Write_EventWithAndWithoutIssues_IssuesOnlyWhereFound()
    {
        var document = Tagged("Teachers/NOUN/teacher marched .", "The army shelled the town .");
        Event(document, 0);
        Event(document, 1);
        Coder().Process(document, CancellationToken.None);

        var json = System.Text.Json.Nodes.JsonNode.Parse(AnalysisJsonWriter.ToJson(document, explain: false))!;

        var events = json["events"]!.AsArray();
        Assert.Equal("TEACHERS", (string?)events[0]!["issues"]![0]!["code"]);
        Assert.Equal(1, (int?)events[0]!["issues"]![0]!["count"]);
        Assert.Null(events[1]!["issues"]);
    }

    [Fact]
    public void Load_ShippedTable_ReadsWithoutErrors()
    {
        var errors = new List<TacitusError>();

        var coder = IssueCoder.Load([], noShipped: false, errors);

        Assert.Empty(errors);
        Assert.True(coder.PhraseCount > 3000, $"{coder.PhraseCount} phrase spellings");
    }

    [Fact]
    public void Load_NoShippedAndMissingFile_EmptyCoderAndTac305()
    {
        var errors = new List<TacitusError>();

        var coder = IssueCoder.Load(["no-such-issues.txt"], noShipped: true, errors);

        Assert.Equal(0, coder.PhraseCount);
        Assert.Equal("TAC305", Assert.Single(errors).Code);
    }

    private static IssueCoder Coder()
    {
        var errors = new List<TacitusError>();
        var issues = PetrarchDictionaryReader.ReadIssues(Dictionary, "test-issues.txt", errors);
        Assert.Empty(errors);
        return new IssueCoder(issues);
    }

    private static EventRecord Event(Document document, int sentence)
    {
        var record = new EventRecord
        {
            Event = PloverType.Protest,
            Actor = new ActorRef { Text = "x" },
            Evidence = document.Sentences[sentence].Span,
        };
        document.Events.Add(record);
        return record;
    }

    /// <summary>A document of the given sentences, segmented, with the token layer set from the words' written tags.</summary>
    private static Document Tagged(params string[] sentences)
    {
        var tags = new Dictionary<string, (string Upos, string Lemma)>(StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (var sentence in sentences)
        {
            var words = new List<string>();
            foreach (var word in sentence.Split(' '))
            {
                var parts = word.Split('/');
                words.Add(parts[0]);
                if (parts.Length == 3)
                {
                    tags[parts[0]] = (parts[1], parts[2]);
                }
            }

            texts.Add(string.Join(' ', words));
        }

        var document = new Document(string.Join(' ', texts), new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        Assert.Equal(sentences.Length, document.Sentences.Count);
        foreach (var token in document.Tokens)
        {
            var surface = document.Slice(token.Span).ToString();
            var (upos, lemma) = tags.TryGetValue(surface, out var tag) ? tag : ("X", surface.ToLowerInvariant());
            document.Syntax.Add(new TokenSyntax(lemma, upos, "_", -1, string.Empty, WordShape.Lower));
        }

        document.MarkAnnotated(Annotations.Tags | Annotations.Events);
        return document;
    }
}
