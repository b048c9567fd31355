using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tacitus.Server.Api;

namespace Tacitus.Server;

/// <summary>
/// Who may do what: writes need the server's token (<c>Authorization: Bearer TOKEN</c>); reads need none on
/// loopback and the token otherwise. Refusals are 401 problem details (TAC905).
/// </summary>
internal sealed class TokenGuard(ServeOptions options)
{
    private readonly byte[]? token = options.Token is { Length: > 0 } t ? Encoding.UTF8.GetBytes(t) : null;

    public Task Apply(HttpContext context, Func<Task> next)
    {
        var write = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
        if ((write || !options.IsLoopback) && !Holds(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var detail = token is null
                ? "this server was started without a token (--token or TACITUS_TOKEN): writes are off"
                : "send the server's token as 'Authorization: Bearer TOKEN'";
            return ApiProblem.Write(context, StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, detail);
        }

        return next();
    }

    private bool Holds(HttpRequest request)
    {
        if (token is null)
        {
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, token);
    }
}
