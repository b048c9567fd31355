using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// Writes one document and all its analysis rows with statements prepared once per connection. The caller owns
/// the transaction: a document's rows are written together or not at all.
/// </summary>
internal sealed class DocumentRowWriter : IDisposable
{
    private readonly PreparedInsert documents;
    private readonly PreparedInsert sentences;
    private readonly PreparedInsert mentions;
    private readonly PreparedInsert entities;
    private readonly PreparedInsert attributions;
    private readonly PreparedInsert events;

    public DocumentRowWriter(SqliteConnection connection)
    {
        documents = new PreparedInsert(connection, "documents",
            "id, title, outlet, published, url, author, external_id, language, origin, format, text, ingested_at, paragraphs, tokens, warnings, " +
            "sentence_count, boilerplate_count, mention_count, attribution_count, event_count", orIgnore: true, returning: "seq");
        sentences = new PreparedInsert(connection, "sentences", "document, idx, start, end, paragraph, first_token, token_count, boilerplate, boilerplate_rule");
        mentions = new PreparedInsert(connection, "mentions",
            "document, idx, kind, start, end, sentence, entity, name, country, sector, org_kind, affiliation, role, is_reference, rule, time, place, quantity");
        entities = new PreparedInsert(connection, "entities", "document, idx, id, name, kind, country, sector, mentions");
        attributions = new PreparedInsert(connection, "attributions",
            "document, idx, source, source_name, source_kind, source_country, cue_start, cue_end, content_start, content_end, " +
            "via, anonymous, direct_quote, denial, evidence_start, evidence_end, date, rule");
        events = new PreparedInsert(connection, "events",
            "document, idx, type, mode, context, cameo, score, " +
            "actor, actor_text, actor_name, actor_country, actor_sector, recipient, recipient_text, recipient_name, recipient_country, recipient_sector, " +
            "date_text, date_value, date_basis, date_start, date_end, location, location_name, location_country, attribution, " +
            "negated, denied, hedged, future, conditional, confidence, evidence_start, evidence_end, trigger_start, trigger_end, explanation");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        documents.Transaction = transaction;
        sentences.Transaction = transaction;
        mentions.Transaction = transaction;
        entities.Transaction = transaction;
        attributions.Transaction = transaction;
        events.Transaction = transaction;
    }

    /// <summary>Writes the document unless a document with its id is stored already. Returns its row (documents.seq) when it was new, else null.</summary>
    public long? Write(Document document, DateTime ingestedAt)
    {
        var m = document.Metadata;
        var inserted = documents.Returning(document.Id.Value, m.Title, m.Outlet, m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Url, m.Author, m.ExternalId,
            document.Language, m.Origin, m.Format, document.Text, ingestedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            TokenLayout.PackParagraphs(document.Paragraphs), TokenLayout.PackTokens(document.Tokens),
            document.Warnings.Count == 0 ? null : JsonSerializer.Serialize(document.Warnings, StoreJson.Default.ListTacitusError),
            document.Sentences.Count, document.Sentences.Count(s => s.Boilerplate), document.Mentions.Count, document.Attributions.Count, document.Events.Count);
        if (inserted is not long id)
        {
            return null;
        }

        foreach (var s in document.Sentences)
        {
            sentences.Run(id, s.Index, s.Span.Start, s.Span.End, s.Paragraph, s.FirstToken, s.TokenCount, s.Boilerplate, s.BoilerplateRule);
        }

        for (var i = 0; i < document.Mentions.Count; i++)
        {
            var x = document.Mentions[i];
            mentions.Run(id, i, KindCode(x.Kind), x.Span.Start, x.Span.End, x.Sentence, x.Entity, x.Name, x.Country?.Value, x.Sector?.Value,
                x.OrgKind, x.Affiliation, x.Role, x.IsReference, x.Rule,
                x.Time is null ? null : JsonSerializer.Serialize(x.Time, StoreJson.Default.TimeInfo),
                x.Place is null ? null : JsonSerializer.Serialize(x.Place, StoreJson.Default.PlaceInfo),
                x.Quantity is null ? null : JsonSerializer.Serialize(x.Quantity, StoreJson.Default.QuantityInfo));
        }

        for (var i = 0; i < document.Entities.Count; i++)
        {
            var e = document.Entities[i];
            entities.Run(id, i, e.Id, e.Name, KindCode(e.Kind), e.Country?.Value, e.Sector?.Value, JsonSerializer.Serialize(e.Mentions, StoreJson.Default.ListInt32));
        }

        for (var i = 0; i < document.Attributions.Count; i++)
        {
            var a = document.Attributions[i];
            attributions.Run(id, i, JsonSerializer.Serialize(a.Source, StoreJson.Default.SourceRef), a.Source.Name, a.Source.Kind, a.Source.Country?.Value,
                a.Cue.Start, a.Cue.End, a.Content.Start, a.Content.End, JsonSerializer.Serialize(a.Via, StoreJson.Default.ListSourceRef),
                a.Anonymous, a.DirectQuote, a.Denial, a.Evidence.Start, a.Evidence.End,
                a.Date is null ? null : JsonSerializer.Serialize(a.Date, StoreJson.Default.TimeInfo), a.Rule);
        }

        for (var i = 0; i < document.Events.Count; i++)
        {
            WriteEvent(id, i, document.Events[i]);
        }

        return id;
    }

    private void WriteEvent(long id, int index, EventRecord e)
    {
        var r = e.Recipient;
        var d = e.Date;
        var l = e.Location;
        events.Run(id, index, e.Event.ToCode(), e.Mode, e.Context, e.Cameo?.Value, e.Score,
            JsonSerializer.Serialize(e.Actor, StoreJson.Default.ActorRef), e.Actor.Text, e.Actor.Name, e.Actor.Country?.Value, e.Actor.Sector?.Value,
            r is null ? null : JsonSerializer.Serialize(r, StoreJson.Default.ActorRef), r?.Text, r?.Name, r?.Country?.Value, r?.Sector?.Value,
            d?.Text, d?.Value, d?.Basis, d?.Span?.Start, d?.Span?.End,
            l is null ? null : JsonSerializer.Serialize(l, StoreJson.Default.EventLocation), l?.Name ?? l?.Text, l?.Country?.Value,
            e.Attribution,
            e.Modality.Negated, e.Modality.Denied, e.Modality.Hedged, e.Modality.Future, e.Modality.Conditional,
            e.Confidence, e.Evidence.Start, e.Evidence.End, e.Trigger?.Start, e.Trigger?.End,
            e.Explanation.Count == 0 ? null : JsonSerializer.Serialize(e.Explanation, StoreJson.Default.DictionaryStringString));
    }

    /// <summary>The stored name of a mention kind (the contract's names: person, organization, ...).</summary>
    public static string KindCode(MentionKind kind) => Contract.AnalysisJsonWriter.KindName(kind);

    public void Dispose()
    {
        documents.Dispose();
        sentences.Dispose();
        mentions.Dispose();
        entities.Dispose();
        attributions.Dispose();
        events.Dispose();
    }
}
