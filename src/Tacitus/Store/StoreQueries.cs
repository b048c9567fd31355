using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// Read queries over the stored records, typed and paged, for the web API: event records with filters and an
/// order, the actors they name, and who acts on whom. Every value reaches SQLite as a parameter.
/// </summary>
internal sealed class StoreQueries(SqliteConnection connection)
{
    private static readonly string EventColumns =
        "d.id, d.title, d.outlet, d.published, e.idx, e.type, e.mode, e.cameo, e.actor, e.recipient, e.date_text, e.date_value, e.date_basis, e.location, " +
        "e.negated, e.denied, e.hedged, e.future, e.conditional, e.confidence, e.evidence_start, e.evidence_end, " +
        $"{Attribution(AttributionRows.SourceItem)}, {Attribution(AttributionRows.ViaItem)}, {Attribution(AttributionRows.AnonymousItem)}, d.seq, e.issues";

    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A page of event records matching <paramref name="filter"/>.</summary>
    public StorePage<EventRow> Events(EventFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        limit = Math.Clamp(limit, 1, MaxLimit);
        offset = Math.Max(0, offset);
        using var command = connection.CreateCommand();
        var where = Where(filter, command);
        command.CommandText =
            $"SELECT {EventColumns} FROM events e JOIN documents d ON d.seq = e.document " +
            $"{where} ORDER BY {OrderBy(filter)} LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit + 1);
        command.Parameters.AddWithValue("$offset", offset);

        var rows = new List<(EventRow Row, long Seq)>();
        using (var r = command.ExecuteReader())
        {
            while (r.Read() && rows.Count < limit + 1)
            {
                rows.Add((ReadEvent(r), r.GetInt64(25)));
            }
        }

        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var texts = Texts(rows.Select(x => x.Seq).Distinct());
        var items = rows.Select(x => x.Row with { EvidenceText = Slice(texts[x.Seq], x.Row.Evidence) }).ToList();
        return new StorePage<EventRow>(items, offset, limit, more ? offset + limit : null);
    }

    /// <summary>The actors the event records name (either side), most active first; <paramref name="search"/> matches part of the name.</summary>
    public StorePage<ActorSummary> Actors(string? search, CountryCode? country, int offset, int limit)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        offset = Math.Max(0, offset);
        using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            conditions.Add("name LIKE $search ESCAPE '\\'");
            command.Parameters.AddWithValue("$search", "%" + EscapeLike(search.Trim()) + "%");
        }

        if (country is { } c)
        {
            conditions.Add("country = $country");
            command.Parameters.AddWithValue("$country", c.Value);
        }

        command.CommandText =
            "SELECT name, country, sector, count(*) AS n, sum(as_actor), sum(as_recipient) FROM (" +
            "SELECT coalesce(actor_name, actor_text) AS name, actor_country AS country, actor_sector AS sector, 1 AS as_actor, 0 AS as_recipient FROM events " +
            "UNION ALL SELECT coalesce(recipient_name, recipient_text), recipient_country, recipient_sector, 0, 1 FROM events WHERE recipient_text IS NOT NULL) " +
            (conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions) + " ") +
            "GROUP BY name, country, sector ORDER BY n DESC, name, country, sector LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit + 1);
        command.Parameters.AddWithValue("$offset", offset);
        var items = new List<ActorSummary>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            items.Add(new ActorSummary(r.GetString(0), Text(r, 1), Text(r, 2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5)));
        }

        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new StorePage<ActorSummary>(items, offset, limit, more ? offset + limit : null);
    }

    /// <summary>Who acts on whom among the events matching <paramref name="filter"/>: one edge per actor, recipient and type, heaviest first.</summary>
    public IReadOnlyList<ActorInteraction> Interactions(EventFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var command = connection.CreateCommand();
        var where = Where(filter, command);
        command.CommandText =
            "SELECT coalesce(e.actor_name, e.actor_text) AS an, e.actor_country, e.actor_sector, coalesce(e.recipient_name, e.recipient_text) AS rn, " +
            "e.recipient_country, e.recipient_sector, e.type, count(*) AS n FROM events e JOIN documents d ON d.seq = e.document " +
            $"{where}{(where.Length == 0 ? "WHERE" : " AND")} e.recipient_text IS NOT NULL " +
            "GROUP BY an, e.actor_country, e.actor_sector, rn, e.recipient_country, e.recipient_sector, e.type ORDER BY n DESC, an, rn, e.type LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxLimit));
        var edges = new List<ActorInteraction>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            edges.Add(new ActorInteraction(r.GetString(0), Code(Text(r, 1), Text(r, 2)), r.GetString(3), Code(Text(r, 4), Text(r, 5)), r.GetString(6), r.GetInt32(7)));
        }

        return edges;
    }

    private static string Where(EventFilter f, SqliteCommand command)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (f.Type is { } type)
        {
            Add("e.type = $type", "$type", type.ToCode());
        }

        if (f.ActorCountry is { } ac)
        {
            var sector = f.ActorSector?.Value;
            conditions.Add(sector is null
                ? "(e.actor_country = $ac OR e.recipient_country = $ac)"
                : "((e.actor_country = $ac AND e.actor_sector = $as) OR (e.recipient_country = $ac AND e.recipient_sector = $as))");
            command.Parameters.AddWithValue("$ac", ac.Value);
            if (sector is not null)
            {
                command.Parameters.AddWithValue("$as", sector);
            }
        }

        if (f.Country is { } country)
        {
            Add("(e.actor_country = $country OR e.recipient_country = $country OR e.location_country = $country)", "$country", country.Value);
        }

        const string Day = "coalesce(substr(e.date_value, 1, 10), d.published)";
        if (f.Since is { } since)
        {
            Add($"{Day} >= $since", "$since", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (f.Until is { } until)
        {
            // A day "2022-11-02" or a coarser value "2022-11" both sort before the next day.
            Add($"{Day} < $until", "$until", until.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (f.Modality is { } modality)
        {
            conditions.Add(modality switch
            {
                EventModalityFilter.Asserted => "(e.negated = 0 AND e.denied = 0 AND e.hedged = 0 AND e.future = 0 AND e.conditional = 0)",
                EventModalityFilter.Negated => "e.negated = 1",
                EventModalityFilter.Denied => "e.denied = 1",
                EventModalityFilter.Hedged => "e.hedged = 1",
                EventModalityFilter.Future => "e.future = 1",
                _ => "e.conditional = 1",
            });
        }

        if (f.Documents is { } documents)
        {
            Add("d.id IN (SELECT value FROM json_each($documents))", "$documents", JsonSerializer.Serialize(documents.Select(x => x.Value).ToArray(), StoreJson.Default.StringArray));
        }

        if (f.Events is { } events)
        {
            Add("(d.id || ':' || e.idx) IN (SELECT value FROM json_each($events))", "$events",
                JsonSerializer.Serialize(events.Select(x => x.Document.Value + ":" + x.Index.ToString(CultureInfo.InvariantCulture)).ToArray(), StoreJson.Default.StringArray));
        }

        return conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
    }

    private static string OrderBy(EventFilter f)
    {
        var direction = f.Descending ? "DESC" : "ASC";
        var column = f.Sort switch
        {
            EventSort.Date => "coalesce(e.date_value, d.published)",
            EventSort.Type => "e.type",
            EventSort.Actor => "coalesce(e.actor_name, e.actor_text)",
            EventSort.Recipient => "coalesce(e.recipient_name, e.recipient_text)",
            EventSort.Location => "e.location_name",
            EventSort.Outlet => "d.outlet",
            EventSort.Confidence => "e.confidence",
            _ => null,
        };
        return column is null ? $"d.seq {direction}, e.idx {direction}" : $"{column} {direction}, d.seq, e.idx";
    }

    /// <summary>An item of the event's attribution, read from its document's attributions (NULL when it has none).</summary>
    private static string Attribution(int item) => AttributionRows.Item("d.attribution_rows", "e.attribution", item);

    private static EventRow ReadEvent(SqliteDataReader r)
    {
        var id = DocumentId.Parse(r.GetString(0)).Value;
        return new EventRow(
            new StoredEventKey(id, r.GetInt32(4)), Text(r, 1), Text(r, 2), Text(r, 3),
            r.GetString(5), Text(r, 6), Text(r, 7),
            Json(r, 8, StoreJson.Default.ActorRef) ?? new ActorRef { Text = string.Empty },
            Json(r, 9, StoreJson.Default.ActorRef),
            r.IsDBNull(11) ? null : new EventDate(Text(r, 10) ?? string.Empty, r.GetString(11), Text(r, 12) ?? "none"),
            Json(r, 13, StoreJson.Default.EventLocation),
            new Modality { Negated = r.GetBoolean(14), Denied = r.GetBoolean(15), Hedged = r.GetBoolean(16), Future = r.GetBoolean(17), Conditional = r.GetBoolean(18) },
            r.GetDouble(19), new TextSpan(r.GetInt32(20), r.GetInt32(21)), string.Empty,
            Json(r, 22, StoreJson.Default.SourceRef),
            Json(r, 23, StoreJson.Default.ListSourceRef) ?? [],
            !r.IsDBNull(24) && r.GetBoolean(24),
            Json(r, 26, StoreJson.Default.IReadOnlyListIssueCount) ?? []);
    }

    /// <summary>The texts of the documents with these sequence numbers (to cut evidence at its UTF-16 offsets).</summary>
    private Dictionary<long, string> Texts(IEnumerable<long> seqs)
    {
        var texts = new Dictionary<long, string>();
        var list = seqs.ToArray();
        if (list.Length == 0)
        {
            return texts;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, text FROM documents WHERE seq IN (SELECT value FROM json_each($seqs))";
        command.Parameters.AddWithValue("$seqs", "[" + string.Join(',', list.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            texts[r.GetInt64(0)] = r.GetString(1);
        }

        return texts;
    }

    private static string Slice(string text, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length && span.Start <= span.End ? span.TextOf(text) : string.Empty;

    private static string? Code(string? country, string? sector) => country is null ? null : country + (sector ?? string.Empty);

    private static string EscapeLike(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '_' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string? Text(SqliteDataReader r, int i) => DocumentRowReader.Text(r, i);

    private static T? Json<T>(SqliteDataReader r, int i, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) => DocumentRowReader.Json(r, i, info);
}
