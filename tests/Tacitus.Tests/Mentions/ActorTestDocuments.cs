using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions;

/// <summary>Builds a document from text and runs segmentation, the token layer's tags and names, place and actor recognition and
/// coreference on it (actors read the places, and in headlines the layer's names).</summary>
internal static class ActorTestDocuments
{
    public static Document Analyze(string text, string? published = null, KnowledgeBase? knowledge = null)
    {
        var metadata = new DocumentMetadata { Published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) };
        var document = new Document(text, metadata) { Language = "en" };
        var pipeline = new AnalysisPipeline([new SentenceSegmenter(), new BoilerplateMarker(), new TokenTagger(), new EntityRecognizer(), new PlaceRecognizer(), new ActorRecognizer(knowledge ?? KnowledgeBase.Default), new CoreferenceResolver()]);
        return pipeline.Process(document);
    }

    /// <summary>Every mention with its kind and rule, for assertion messages.</summary>
    public static string Listing(Document document) => string.Join(" | ", document.Mentions.Select(m => $"{m.Kind}:{document.Slice(m.Span)}:{m.Rule}"));

    public static Mention Find(Document document, string text, MentionKind? kind = null) =>
        document.Mentions.FirstOrDefault(m => document.Slice(m.Span).SequenceEqual(text) && (kind is null || m.Kind == kind))
        ?? throw new Xunit.Sdk.XunitException($"no mention '{text}' in: {string.Join(" | ", document.Mentions.Select(m => $"{m.Kind}:{document.Slice(m.Span)}"))}");

    public static bool Has(Document document, string text, MentionKind kind) =>
        document.Mentions.Any(m => document.Slice(m.Span).SequenceEqual(text) && m.Kind == kind);
}
