using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions;

/// <summary>Rules that find organisations' names, and keep other capitalised words out (places run first, as in the full pipeline).</summary>
public sealed class OrganisationNameTests
{
    private static Document Analyze(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        var pipeline = new AnalysisPipeline([new SentenceSegmenter(), new BoilerplateMarker(), new PlaceRecognizer(), new ActorRecognizer(KnowledgeBase.Default), new CoreferenceResolver()]);
        return pipeline.Process(document);
    }

    private static bool Has(Document document, string text, MentionKind kind) =>
        document.Mentions.Any(m => document.Slice(m.Span).SequenceEqual(text) && m.Kind == kind);

    private static string Listing(Document document) => string.Join(" | ", document.Mentions.Select(m => $"{m.Kind}:{document.Slice(m.Span)}:{m.Rule}"));

    [Theory]
    [InlineData("The staff there were friendly and VERY quick with the order.", "VERY")]
    [InlineData("Whatever dish you pick, you will LOVE it at this little cafe.", "LOVE")]
    [InlineData("Please send the signed forms back ASAP so we can file them.", "ASAP")]
    [InlineData("The utility issued a new RFQ for winter supplies last week.", "RFQ")]
    [InlineData("She will start next month as SVP of the trading group in the city.", "SVP")]
    public void Process_CommonWordOrShorthandInCapitals_IsNoOrganisation(string text, string word)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, word, MentionKind.Organization), Listing(doc));
    }
}
