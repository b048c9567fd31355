using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tacitus.Server.Api;

/// <summary>Reads a request body as UTF-8 text, refusing it (413, TAC904) once it passes the limit, whatever Content-Length said.</summary>
internal static class RequestBody
{
    public readonly record struct Read(string? Text, ProblemHttpResult? Problem);

    public static async Task<Read> ReadText(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return TooLarge(max);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            int n;
            try
            {
                n = await request.Body.ReadAsync(chunk, ct);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(max);
            }

            if (n == 0)
            {
                break;
            }

            if (buffer.Length + n > max)
            {
                return TooLarge(max);
            }

            buffer.Write(chunk, 0, n);
        }

        if (buffer.Length == 0)
        {
            return new Read(null, ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadBody, "the request has no body"));
        }

        try
        {
            return new Read(new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return new Read(null, ApiProblem.Create(StatusCodes.Status400BadRequest, ProblemCodes.BadBody, "the body is not UTF-8 text"));
        }
    }

    private static Read TooLarge(long max) =>
        new(null, ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge, $"the body is over the limit of {max:N0} bytes"));
}
