namespace Tacitus.Documents;

/// <summary>
/// One article and everything the pipeline has found in it. Every stage annotates the same instance;
/// every annotation refers to <see cref="Text"/> by half-open offsets, never by copies.
/// </summary>
public sealed class Document
{
    public Document(string text, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        Id = DocumentId.FromText(text);
    }

    public DocumentId Id { get; }

    /// <summary>The document text that all offsets refer to.</summary>
    public string Text { get; }

    /// <summary>Settable so a stage can fill a gap (an outlet tag line names the outlet): <c>doc.Metadata = doc.Metadata with { ... }</c>.</summary>
    public DocumentMetadata Metadata { get; set; }

    /// <summary>ISO 639-1 code of the detected language ("en"), or "und" when undetermined. Only "en" is analysed.</summary>
    public string Language { get; set; } = "und";

    /// <summary>
    /// Why the analysis stopped after the language-independent stages ("language fr: only English is analysed"); null
    /// when the document was analysed. Set by the pipeline.
    /// </summary>
    public string? NotAnalysedReason { get; set; }

    public List<Paragraph> Paragraphs { get; } = [];

    public List<Sentence> Sentences { get; } = [];

    public List<Token> Tokens { get; } = [];

    /// <summary>The token layer: tags, lemma and dependency tree of each token, parallel to <see cref="Tokens"/>.</summary>
    public List<TokenSyntax> Syntax { get; } = [];

    /// <summary>
    /// The token layer as the rule readers read it: each token's folded lower-case form and reading lemma, parallel to
    /// <see cref="Tokens"/>, filled once right after tagging (<see cref="Tacitus.Syntax.Clauses.WordReader"/>).
    /// </summary>
    public List<WordReading> Words { get; } = [];

    /// <summary>Names the entity recogniser found, in text order, not overlapping.</summary>
    public List<NameSpan> Names { get; } = [];

    /// <summary>
    /// The tokens as the knowledge tables key them (normalised key, possessive ending, word class, case): one index, built
    /// on first read by <see cref="Knowledge.TokenKeys.Of"/> and read by every stage that looks phrases up; null before.
    /// </summary>
    internal Knowledge.TokenKeys? Keys { get; set; }

    public List<Mention> Mentions { get; } = [];

    public List<Entity> Entities { get; } = [];

    public List<Attribution> Attributions { get; } = [];

    public List<EventRecord> Events { get; } = [];

    /// <summary>Problems found while analysing this document that did not stop it.</summary>
    public List<TacitusError> Warnings { get; } = [];

    /// <summary>Every outlet, URL and origin this text arrived under, as the store recorded them (empty before it is stored).</summary>
    public List<Sighting> Sightings { get; } = [];

    /// <summary>What produced the records (set by the pipeline; read back from the store); null when unknown.</summary>
    public AnalysisProvenance? Provenance { get; set; }

    /// <summary>
    /// What the stages run so far have filled in (each adds its <see cref="Pipeline.IPipelineStage.Assigns"/>); a stage
    /// refuses a document that lacks what it requires (<see cref="Pipeline.StageRequirements"/>).
    /// </summary>
    public Pipeline.Annotations Annotated { get; private set; }

    /// <summary>Records that <paramref name="annotations"/> are filled in (by a stage, or by code that builds a document by hand).</summary>
    public void MarkAnnotated(Pipeline.Annotations annotations) => Annotated |= annotations;

    /// <summary>
    /// Lets go of the per-token working layers (tags and tree, word readings, knowledge keys, recogniser names) once the
    /// stages that read them have run, and unmarks them: the store keeps none of them, and an ingest batch holds its
    /// analysed documents until it commits (their size is most of fusion's peak memory).
    /// </summary>
    public void ReleaseTokenLayers()
    {
        Syntax.Clear();
        Syntax.TrimExcess();
        Words.Clear();
        Words.TrimExcess();
        Names.Clear();
        Names.TrimExcess();
        Keys = null;
        Annotated &= ~(Pipeline.Annotations.Tags | Pipeline.Annotations.Syntax | Pipeline.Annotations.Words | Pipeline.Annotations.Names);
    }

    public ReadOnlySpan<char> Slice(TextSpan span) => span.Of(Text);

    /// <summary>The tokens of a sentence, as a span over <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<Token> TokensOf(Sentence sentence) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Tokens).Slice(sentence.FirstToken, sentence.TokenCount);

    /// <summary>The token layer of a sentence, as a span over <see cref="Syntax"/> (empty before the layer is filled).</summary>
    public ReadOnlySpan<TokenSyntax> SyntaxOf(Sentence sentence) =>
        Syntax.Count < sentence.FirstToken + sentence.TokenCount
            ? []
            : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Syntax).Slice(sentence.FirstToken, sentence.TokenCount);

    /// <summary>A sentence's window onto <see cref="Words"/> and <see cref="Tokens"/>, indexed from its first token.</summary>
    internal SentenceWords WordsOf(Sentence sentence) => new(this, sentence);

    /// <summary>Index of the sentence containing <paramref name="position"/>, or -1.</summary>
    public int SentenceAt(int position)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var s = Sentences[mid].Span;
            if (position < s.Start)
            {
                hi = mid - 1;
            }
            else if (position >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}

/// <summary>What is known about a document apart from its text.</summary>
public sealed record DocumentMetadata
{
    public string? Title { get; init; }

    public string? Outlet { get; init; }

    /// <summary>Publication date: the anchor for relative dates ("Tuesday night").</summary>
    public DateOnly? Published { get; init; }

    public string? Url { get; init; }

    public string? Author { get; init; }

    /// <summary>An identifier the input gave (a JSON Lines <c>id</c>, a WARC record id); not the content hash.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Where the document came from: a file path, with a record or line number for multi-record files.</summary>
    public string? Origin { get; init; }

    /// <summary>Input format: text, html, jsonl, rss, atom, warc.</summary>
    public string? Format { get; init; }
}

/// <summary>A paragraph: text between blank lines.</summary>
public readonly record struct Paragraph(int Index, TextSpan Span);

/// <summary>A sentence with its tokens (a slice of <see cref="Document.Tokens"/>).</summary>
public sealed class Sentence
{
    public required int Index { get; init; }

    public required TextSpan Span { get; init; }

    public int Paragraph { get; init; }

    public int FirstToken { get; set; }

    public int TokenCount { get; set; }

    /// <summary>True for lines that are not news (subscription pleas, share lines, outlet tags): kept, never analysed.</summary>
    public bool Boilerplate { get; set; }

    /// <summary>Why it was marked boilerplate (the rule's name), for explanations.</summary>
    public string? BoilerplateRule { get; set; }

    /// <summary>
    /// A headline: written in title case or capitals, so a capital letter there says nothing about a name. Set by the
    /// segmenter, read by every stage that weighs capitals.
    /// </summary>
    public bool Headline { get; set; }

    /// <summary>A wire dateline ("WASHINGTON (AP) —"): boilerplate to the reader, but it says where the story happened. Set by the segmenter.</summary>
    public bool Dateline { get; set; }
}

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>A token: a span and its coarse kind. No string is stored; read it with <see cref="Document.Slice"/>.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);
