using System.Text.Json.Nodes;
using Tacitus.Attributions;
using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Events;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Pipeline;

/// <summary>
/// Every stage's <see cref="IPipelineStage.Requires"/> is checked and honest: a pipeline that runs a stage before what
/// it reads is refused, a document lacking what a stage reads is refused, and a stage run after only what it declares
/// gives what it gives in the full pipeline (so it reads nothing it does not declare).
/// </summary>
public sealed class StageRequirementsTests
{
    /// <summary>A made-up wire story touching every stage: a dateline, places, people, a quote, times, figures, events.</summary>
    private const string Story =
        "Harbor Wire\n\n" +
        "NAIROBI (Harbor Wire) — Kenyan President Amina Otieno met French officials in Nairobi on Tuesday, the foreign ministry said.\n\n" +
        "The talks in Mombasa ended without a deal. Otieno accused the rebels of attacking a convoy near Garissa, killing 12 people.\n\n" +
        "\"We will not negotiate with them,\" she told reporters. Officials in Garissa said the United Nations would send aid worth $5 million next week.\n\n" +
        "Police in Kisumu arrested three men on Monday, according to a statement from the interior ministry. " +
        "Delegates will meet again in Florence next month, a spokesman said.";

    private static readonly IReadOnlyList<IPipelineStage> Default = PipelineFactory.Create().Stages;

    public static TheoryData<string> StageNames() => [.. Default.Select(s => s.Name)];

    /// <summary>Every (stage, one of its requirements) pair of the default pipeline.</summary>
    public static TheoryData<string, string> StageRequirementPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var stage in Default)
        {
            foreach (var flag in Enum.GetValues<Annotations>())
            {
                if (flag != Annotations.None && stage.Requires.HasFlag(flag))
                {
                    data.Add(stage.Name, flag.ToString());
                }
            }
        }

        return data;
    }

    [Fact]
    public void Constructor_ActorsBeforePlaces_RefusedNamingThePlaceStage()
    {
        IPipelineStage[] stages = [new SentenceSegmenter(), new BoilerplateMarker(), new TokenTagger(), new EntityRecognizer(), new ActorRecognizer(KnowledgeBase.Default), new PlaceRecognizer()];

        var ex = Assert.Throws<StageRequirementException>(() => new AnalysisPipeline(stages));

        Assert.Equal("TAC402", ex.Error.Code);
        Assert.Equal("actors", ex.Error.Stage);
        Assert.Contains("Places", ex.Error.Message, StringComparison.Ordinal);
        Assert.Contains("'places'", ex.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "attribution")]
    [InlineData("attribution", "coref")]
    [InlineData("coref", "actors")]
    [InlineData("places", "boilerplate")]
    public void Constructor_StageMovedBeforeWhatItReads_Refused(string moved, string before)
    {
        var stages = Default.ToList();
        var stage = stages.Single(s => s.Name == moved);
        stages.Remove(stage);
        stages.Insert(stages.FindIndex(s => s.Name == before), stage);

        var ex = Assert.Throws<StageRequirementException>(() => new AnalysisPipeline(stages));

        Assert.Equal("TAC402", ex.Error.Code);
        Assert.Equal(moved, ex.Error.Stage);
    }

    [Fact]
    public void Constructor_DefaultPipeline_EveryStageAfterWhatItReads()
    {
        var pipeline = PipelineFactory.Create();

        Assert.True(pipeline.Assigns.HasFlag(Annotations.Events));
        Assert.True(pipeline.Stages.ToList().FindIndex(s => s.Name == "places") < pipeline.Stages.ToList().FindIndex(s => s.Name == "actors"));
    }

    [Theory]
    [MemberData(nameof(StageRequirementPairs))]
    public void Run_DocumentMissingOneRequirement_RefusedWithTac403(string stageName, string missing)
    {
        var stage = Default.Single(s => s.Name == stageName);
        var document = new Document(Story, new DocumentMetadata { Origin = "story.txt" }) { Language = "en" };
        document.MarkAnnotated(stage.Requires & ~Enum.Parse<Annotations>(missing));

        var ex = Assert.Throws<StageRequirementException>(() => StageRequirements.Run(stage, document, CancellationToken.None));

        Assert.Equal("TAC403", ex.Error.Code);
        Assert.Equal(stageName, ex.Error.Stage);
        Assert.Equal("story.txt", ex.Error.File);
        Assert.Contains(missing, ex.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("coref")]
    [InlineData("attribution")]
    [InlineData("events")]
    [InlineData("places")]
    [InlineData("quantities")]
    public void Process_CalledDirectlyOnSegmentedDocument_RefusedUnlessItNeedsOnlySegments(string stageName)
    {
        var stage = Default.Single(s => s.Name == stageName);
        var document = new Document(Story, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);

        var ex = Assert.Throws<StageRequirementException>(() => stage.Process(document, CancellationToken.None));

        Assert.Equal("TAC403", ex.Error.Code);
        Assert.Empty(document.Mentions);
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Run_AfterOnlyTheStagesItRequires_GivesWhatTheFullPipelineGives(string stageName)
    {
        var at = Default.ToList().FindIndex(s => s.Name == stageName);
        var stage = Default[at];
        var needed = stage.Requires;
        var minimal = new List<IPipelineStage>();
        for (var j = at - 1; j >= 0; j--)
        {
            if ((Default[j].Assigns & needed) != Annotations.None)
            {
                minimal.Insert(0, Default[j]);
                needed |= Default[j].Requires;
            }
        }

        var full = RunUpTo(Default.Take(at + 1), stage.Assigns);
        var alone = RunUpTo([.. minimal, stage], stage.Assigns);

        Assert.Equal(full, alone);
    }

    [Fact]
    public void Process_ActorsWithoutThePlaces_ReadTheStoryDifferently()
    {
        var withPlaces = RunUpTo([new SentenceSegmenter(), new BoilerplateMarker(), new TokenTagger(), new EntityRecognizer(), new PlaceRecognizer(), new ActorRecognizer(KnowledgeBase.Default)], Annotations.Actors);
        var document = NewDocument();
        StageRequirements.Run(new SentenceSegmenter(), document, CancellationToken.None);
        StageRequirements.Run(new BoilerplateMarker(), document, CancellationToken.None);
        StageRequirements.Run(new TokenTagger(), document, CancellationToken.None);
        StageRequirements.Run(new EntityRecognizer(), document, CancellationToken.None);
        document.MarkAnnotated(Annotations.Places); // a false claim: no place was looked for
        StageRequirements.Run(new ActorRecognizer(KnowledgeBase.Default), document, CancellationToken.None);

        Assert.NotEqual(withPlaces, Snapshot(document, Annotations.Actors));
    }

    private static Document NewDocument() =>
        new(Story, new DocumentMetadata { Published = new DateOnly(2024, 3, 6), Origin = "story.txt" }) { Language = "en" };

    private static string RunUpTo(IEnumerable<IPipelineStage> stages, Annotations assigned)
    {
        var document = NewDocument();
        foreach (var stage in stages)
        {
            StageRequirements.Run(stage, document, CancellationToken.None);
        }

        return Snapshot(document, assigned);
    }

    /// <summary>The part of the analysis that <paramref name="flags"/> name, as JSON with explanations.</summary>
    private static string Snapshot(Document document, Annotations flags)
    {
        var json = JsonNode.Parse(AnalysisJsonWriter.ToJson(document, explain: true))!.AsObject();
        var parts = new JsonObject();
        if ((flags & (Annotations.Paragraphs | Annotations.Sentences | Annotations.Boilerplate)) != Annotations.None)
        {
            parts["sentences"] = json["sentences"]!.DeepClone();
        }

        if (flags.HasFlag(Annotations.Tokens))
        {
            parts["tokens"] = string.Join(' ', document.Tokens.Select(t => $"{t.Span.Start}-{t.Span.End}:{t.Kind}"));
        }

        if (flags.HasFlag(Annotations.Names))
        {
            parts["names"] = json["names"]!.DeepClone();
        }

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        if (flags.HasFlag(Annotations.Places))
        {
            kinds.Add("place");
        }

        if ((flags & (Annotations.Actors | Annotations.Entities)) != Annotations.None)
        {
            kinds.UnionWith(["person", "organization", "country"]);
        }

        if (flags.HasFlag(Annotations.Times))
        {
            kinds.Add("time");
        }

        if (flags.HasFlag(Annotations.Quantities))
        {
            kinds.Add("quantity");
        }

        var mentions = json["mentions"]!.AsArray();
        if (kinds.Count > 0)
        {
            var kept = new JsonArray();
            foreach (var m in mentions)
            {
                if (kinds.Contains((string)m!["kind"]!))
                {
                    var copy = m.DeepClone().AsObject();
                    if (!flags.HasFlag(Annotations.Entities))
                    {
                        copy.Remove("entity");
                    }

                    kept.Add(copy);
                }
            }

            parts["mentions"] = kept;
        }

        if (flags.HasFlag(Annotations.Entities))
        {
            var entities = new JsonArray();
            foreach (var e in json["entities"]!.AsArray())
            {
                var copy = e!.DeepClone().AsObject();
                copy["mentions"] = new JsonArray([.. e["mentions"]!.AsArray().Select(i => (JsonNode)(int)mentions[(int)i!]!["start"]!)]);
                entities.Add(copy);
            }

            parts["entities"] = entities;
        }

        if (flags.HasFlag(Annotations.Attributions))
        {
            parts["attributions"] = json["attributions"]!.DeepClone();
        }

        if (flags.HasFlag(Annotations.Events))
        {
            parts["events"] = json["events"]!.DeepClone();
        }

        return parts.ToJsonString();
    }
}
