using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Store;

namespace Tacitus.Server.Api;

/// <summary><c>/api/documents</c>: list and search stored documents, read one with its analysis, post one to analyse and store.</summary>
internal static class DocumentEndpoints
{
    private const string RequestFile = "request";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/documents", List)
            .WithName("ListDocuments")
            .WithSummary("Stored documents, in store order or by relevance to q (full-text search, every word required); paged with offset and limit.");
        api.MapGet("/documents/{id}", Get)
            .WithName("GetDocument")
            .WithSummary("One stored document (id or unique id prefix) with its analysis: the JSON of docs/CONTRACT.md, with the rule behind each field.");
        api.MapPost("/documents", Post)
            .WithName("PostDocument")
            .WithSummary("Analyse and store a document: JSON {text or html, title, outlet, published, url}, an HTML page (text/html) or plain text. Needs the token.")
            .Accepts<PostedDocument>("application/json", "text/html", "text/plain")
            .Produces<PostedDocument>(StatusCodes.Status201Created)
            .Produces<PostedDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static Results<Ok<StorePage<StoredDocumentSummary>>, ProblemHttpResult> List(HttpRequest request, StoreAccess access)
    {
        var q = new QueryReader(request.Query);
        var search = q.Text("q");
        var offset = q.Offset();
        var limit = q.Limit();
        if (q.Error is { } error)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadParameter, error);
        }

        using var store = access.OpenReader();
        var items = store.List(search, limit + 1, offset).ToList();
        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return TypedResults.Ok(new StorePage<StoredDocumentSummary>(items, offset, limit, more ? offset + limit : null));
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Get(string id, StoreAccess access)
    {
        using var store = access.OpenReader();
        var resolved = store.Resolve(id);
        if (!resolved.Success)
        {
            var status = id.Length is > 0 and <= 32 && id.All(char.IsAsciiHexDigit) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return ApiProblem.Create(status, status == StatusCodes.Status404NotFound ? ProblemCodes.NotFound : ProblemCodes.BadParameter, resolved.Error!);
        }

        var document = store.Load(resolved.Value);
        return document is null
            ? ApiProblem.Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, $"no stored document {resolved.Value}")
            : TypedResults.Text(AnalysisJsonWriter.ToJson(document, explain: true), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<Created<PostedDocument>, Ok<PostedDocument>, ProblemHttpResult>> Post(HttpRequest request, StoreAccess access, ServeOptions options, CancellationToken ct)
    {
        var mediaType = (request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "text/html" or "text/plain"))
        {
            return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                $"send application/json, text/html or text/plain, not '{(mediaType.Length == 0 ? "nothing" : mediaType)}'");
        }

        var body = await RequestBody.ReadText(request, options.MaxBodyBytes, ct);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var ingest = new IngestOptions { MaxDocumentBytes = options.MaxBodyBytes };
        var item = mediaType switch
        {
            "application/json" => JsonLinesReader.ReadLine(body.Text!, RequestFile, 1, ingest),
            "text/html" => HtmlPageReader.Read(body.Text!, RequestFile, RequestFile, ingest),
            _ => PlainTextReader.Read(body.Text!.ReplaceLineEndings("\n"), RequestFile, RequestFile, ingest),
        };
        if (item.Error is { } error)
        {
            return ApiProblem.From(error.Code == IngestErrors.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, error with { Record = mediaType == "application/json" ? "body" : error.Record });
        }

        var (document, result) = await access.AnalyseAndSave(item.Document!, ct);
        if (result.Failed.Count > 0)
        {
            return ApiProblem.From(StatusCodes.Status400BadRequest, result.Failed[0]);
        }

        var posted = new PostedDocument(document.Id.Value, result.Stored > 0, document.Metadata.Title, document.Sentences.Count, document.Mentions.Count,
            document.Attributions.Count, document.Events.Count, document.Warnings.Select(w => $"{w.Code} {w.Stage}: {w.Message}").ToList());
        return result.Stored > 0 ? TypedResults.Created($"/api/documents/{posted.Id}", posted) : TypedResults.Ok(posted);
    }
}
