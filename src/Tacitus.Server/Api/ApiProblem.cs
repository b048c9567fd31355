using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tacitus.Documents;

namespace Tacitus.Server.Api;

/// <summary>Error answers as RFC 9457 problem details, each with its TAC code, stage and (for a body) record.</summary>
internal static class ApiProblem
{
    public static ProblemHttpResult Create(int status, string code, string detail, string? record = null) =>
        TypedResults.Problem(Details(status, code, detail, record));

    public static ProblemHttpResult From(int status, TacitusError error) => Create(status, error.Code, error.Message, error.Record);

    public static ProblemDetails Details(int status, string code, string detail, string? record = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = code,
            Detail = detail,
            Type = "urn:tacitus:error:" + code,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["stage"] = ProblemCodes.Stage;
        if (record is not null)
        {
            problem.Extensions["record"] = record;
        }

        return problem;
    }

    /// <summary>Writes a problem straight to the response (middleware: rate limits, auth, unexpected errors).</summary>
    public static Task Write(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Details(status, code, detail), ServerJson.Default.ProblemDetails, "application/problem+json");
    }
}
