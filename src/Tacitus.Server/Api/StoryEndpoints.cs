using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tacitus.Server.Stories;
using Tacitus.Store;

namespace Tacitus.Server.Api;

/// <summary><c>/api/stories</c> and <c>/api/fused-events</c>: what the fusion work stores (empty until a store has it).</summary>
internal static class StoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/stories", Stories)
            .WithName("ListStories")
            .WithSummary("Stories (documents about the same happening) with their documents and fused event ids; paged.");
        api.MapGet("/stories/{id}", Story)
            .WithName("GetStory")
            .WithSummary("One story.");
        api.MapGet("/fused-events", FusedEvents)
            .WithName("ListFusedEvents")
            .WithSummary("Fused events (one event from many reports) with status, sources, reports, figures and conflicts. Filters: story, type, status; paged.");
    }

    private static Results<Ok<StorePage<Story>>, ProblemHttpResult> Stories(HttpRequest request, IStoryReader stories)
    {
        var q = new QueryReader(request.Query);
        var offset = q.Offset();
        var limit = q.Limit();
        return q.Error is { } error
            ? ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, error)
            : TypedResults.Ok(stories.Stories(offset, limit));
    }

    private static Results<Ok<Story>, ProblemHttpResult> Story(string id, IStoryReader stories) =>
        id.Length > 100
            ? ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, "id: at most 100 characters")
            : stories.Story(id) is { } story
                ? TypedResults.Ok(story)
                : ApiProblem.Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, $"no story '{id}'");

    private static Results<Ok<StorePage<FusedEvent>>, ProblemHttpResult> FusedEvents(HttpRequest request, IStoryReader stories)
    {
        var q = new QueryReader(request.Query);
        var type = q.Type("type");
        var filter = new FusedEventFilter(q.Text("story", 100), type?.ToString().ToUpperInvariant(), q.OneOf("status", FusedStatus.All));
        var offset = q.Offset();
        var limit = q.Limit();
        return q.Error is { } error
            ? ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, error)
            : TypedResults.Ok(stories.FusedEvents(filter, offset, limit));
    }
}
