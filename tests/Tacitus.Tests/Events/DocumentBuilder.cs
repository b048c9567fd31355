using System.Text.RegularExpressions;
using Tacitus.Attributions;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Events;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Clauses;
using Tacitus.Text;

namespace Tacitus.Tests.Events;

/// <summary>
/// Builds a document by hand for attribution and event tests: the text is segmented with the baseline segmenter and
/// tagged (the token layer's lemmas, which the attribution and event readers match on), then mentions are added the way the mention stages would (every whole-word occurrence of the given words that
/// no earlier mention covers). It stands in for the boilerplate marker and the mention stages, so the document counts
/// as carrying their annotations (<see cref="Document.Annotated"/>); coreference is not run, so no mention has an entity.
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly Document document;

    private DocumentBuilder(string text, DateOnly? published)
    {
        document = new Document(text, new DocumentMetadata { Published = published }) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new Tacitus.Syntax.TokenTagger().Process(document, CancellationToken.None);
        document.MarkAnnotated(Annotations.Tags);
        ShippedWords.Process(document, CancellationToken.None);
        document.MarkAnnotated(Annotations.Boilerplate | Annotations.Places | Annotations.Actors | Annotations.Entities | Annotations.Times | Annotations.Quantities);
    }

    /// <summary>The words stage for the shipped tables (it holds no state of its own: one serves every test).</summary>
    internal static WordReader ShippedWords { get; } = PipelineFactory.WordReaderFor(EventPatterns.Shipped);

    public static DocumentBuilder With(string text, string? published = "2024-03-06") =>
        new(text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));

    public DocumentBuilder Person(string text, string? country = null, string? sector = null, string? name = null) =>
        Add(text, MentionKind.Person, country, sector, name ?? text, null);

    public DocumentBuilder Organization(string text, string? country = null, string? orgKind = null, string? sector = null, string? name = null) =>
        Add(text, MentionKind.Organization, country, sector, name ?? text, orgKind);

    public DocumentBuilder Country(string text, string country, string? name = null) =>
        Add(text, MentionKind.Country, country, null, name ?? text, null);

    public DocumentBuilder Place(string text, string? country = null, string? name = null) =>
        Add(text, MentionKind.Place, country, null, name ?? text, null, m => m.Place = new PlaceInfo { FeatureType = "city" });

    /// <summary>A nationality adjective as the place recogniser reads it ("Kenyan": a place mention of the country).</summary>
    public DocumentBuilder Nationality(string text, string country) =>
        Add(text, MentionKind.Place, country, null, text, null, m => m.Place = new PlaceInfo { FeatureType = "country" });

    /// <summary>A bare role noun as the actor recogniser reads it ("the government", "rebels"): a sector, no name, no country.</summary>
    public DocumentBuilder Role(string text, string sector) =>
        Add(text, MentionKind.Person, null, sector, null, null, m => m.Role = text);

    public DocumentBuilder Time(string text, string value, string type = "DATE") =>
        Add(text, MentionKind.Time, null, null, null, null, m => m.Time = new TimeInfo { Value = value, Precision = TimePrecision.Day, Type = type, Basis = "publication" });

    public DocumentBuilder Boilerplate(string sentenceStart)
    {
        foreach (var s in document.Sentences)
        {
            if (document.Slice(s.Span).StartsWith(sentenceStart, StringComparison.Ordinal))
            {
                s.Boilerplate = true;
                s.BoilerplateRule = "test";
            }
        }

        return this;
    }

    public Document Build() => document;

    /// <summary>
    /// Runs the attribution finder and the event coder over the document, the coder with <paramref name="patterns"/>
    /// (the shipped ones unless given); with a user's patterns the words are read again with their lemmas.
    /// </summary>
    public Document Analyse(EventPatterns? patterns = null)
    {
        if (patterns is not null)
        {
            PipelineFactory.WordReaderFor(patterns).Process(document, CancellationToken.None);
        }

        new AttributionFinder(EventPatterns.Shipped.Vocabulary).Process(document, CancellationToken.None);
        (patterns is null ? new EventCoder() : new EventCoder(patterns)).Process(document, CancellationToken.None);
        return document;
    }

    private DocumentBuilder Add(string text, MentionKind kind, string? country, string? sector, string? name, string? orgKind, Action<Mention>? fill = null)
    {
        foreach (Match match in Regex.Matches(document.Text, $@"(?<![\w]){Regex.Escape(text)}(?![\w])"))
        {
            var span = new TextSpan(match.Index, match.Index + match.Length);
            if (document.Mentions.Any(m => m.Span.Overlaps(span)))
            {
                continue;
            }

            var mention = new Mention
            {
                Kind = kind,
                Span = span,
                Sentence = document.SentenceAt(span.Start),
                Name = name,
                Country = country is null ? null : CountryCode.From(country),
                Sector = sector is null ? null : Sector.From(sector),
                OrgKind = orgKind,
                Rule = "test",
            };
            fill?.Invoke(mention);
            document.Mentions.Add(mention);
        }

        return this;
    }
}
