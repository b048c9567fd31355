using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tacitus.Documents;
using Tacitus.Server.Stories;
using Tacitus.Store;

namespace Tacitus.Server.Api;

/// <summary><c>/api/events</c> (the stored event records, filtered, sorted, paged), <c>/api/actors</c> and the actor network.</summary>
internal static class EventEndpoints
{
    private static readonly Dictionary<string, EventModalityFilter> Modalities = Enum.GetValues<EventModalityFilter>().ToDictionary(m => m.ToString().ToLowerInvariant());

    private static readonly Dictionary<string, EventSort> Sorts = Enum.GetValues<EventSort>().ToDictionary(s => s.ToString().ToLowerInvariant());

    private static readonly Dictionary<string, bool> Orders = new(StringComparer.Ordinal) { ["asc"] = false, ["desc"] = true };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/events", Events)
            .WithName("ListEvents")
            .WithSummary("Event records. Filters: type (PLOVER), actor (CHN or CHNGOV, either side), country (actor, recipient or place), " +
                "since/until (YYYY-MM-DD), modality (asserted, negated, denied, hedged, future, conditional), story, status (of the fused event); " +
                "sort (stored, date, type, actor, recipient, location, outlet, confidence) and order (asc, desc); offset and limit.");
        api.MapGet("/actors", Actors)
            .WithName("ListActors")
            .WithSummary("Actors the event records name, most active first; q matches part of the name, country filters; paged.");
        api.MapGet("/actors/network", Network)
            .WithName("ActorNetwork")
            .WithSummary("Who acts on whom: edges (actor, recipient, event type, count) among the events the /api/events filters select; limit edges.");
    }

    private static Results<Ok<StorePage<EventRow>>, ProblemHttpResult> Events(HttpRequest request, StoreAccess access, IStoryReader stories)
    {
        var q = new QueryReader(request.Query);
        var filter = ReadFilter(q, stories);
        var offset = q.Offset();
        var limit = q.Limit();
        if (q.Error is { } error || filter is null)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, q.Error ?? "bad filter");
        }

        using var store = access.OpenReader();
        return TypedResults.Ok(store.Queries.Events(filter, offset, limit));
    }

    private static Results<Ok<StorePage<ActorSummary>>, ProblemHttpResult> Actors(HttpRequest request, StoreAccess access)
    {
        var q = new QueryReader(request.Query);
        var search = q.Text("q");
        var country = q.Country("country");
        var offset = q.Offset();
        var limit = q.Limit();
        if (q.Error is { } error)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, error);
        }

        using var store = access.OpenReader();
        return TypedResults.Ok(store.Queries.Actors(search, country, offset, limit));
    }

    private static Results<Ok<ActorNetwork>, ProblemHttpResult> Network(HttpRequest request, StoreAccess access, IStoryReader stories)
    {
        var q = new QueryReader(request.Query);
        var filter = ReadFilter(q, stories);
        var limit = q.Integer("limit", 200, 1, StoreQueries.MaxLimit);
        if (q.Error is { } error || filter is null)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, q.Error ?? "bad filter");
        }

        using var store = access.OpenReader();
        return TypedResults.Ok(new ActorNetwork(store.Queries.Interactions(filter, limit)));
    }

    /// <summary>The event filters shared by <c>/api/events</c> and the network; null (with the reader's error) when one is bad.</summary>
    private static EventFilter? ReadFilter(QueryReader q, IStoryReader stories)
    {
        var (actorCountry, actorSector) = q.ActorCode("actor");
        var filter = new EventFilter
        {
            Type = q.Type("type"),
            ActorCountry = actorCountry,
            ActorSector = actorSector,
            Country = q.Country("country"),
            Since = q.Date("since"),
            Until = q.Date("until"),
            Modality = q.Choice("modality", Modalities),
            Sort = q.Choice("sort", Sorts) ?? EventSort.Stored,
            Descending = q.Choice("order", Orders) ?? false,
        };
        var storyId = q.Text("story", 100);
        var status = q.OneOf("status", FusedStatus.All);
        if (q.Error is not null)
        {
            return null;
        }

        if (storyId is not null)
        {
            var story = stories.Story(storyId);
            var ids = new List<DocumentId>();
            foreach (var d in story?.Documents ?? [])
            {
                if (DocumentId.Parse(d.Id) is { Success: true } id)
                {
                    ids.Add(id.Value);
                }
            }

            filter = filter with { Documents = ids };
        }

        return status is null ? filter : filter with { Events = stories.EventsWithStatus(status) };
    }
}
