namespace Tacitus.Server.Api;

/// <summary>The stable error codes of the web API (TAC9xx, serve); every error answer is a problem details object carrying one.</summary>
internal static class ProblemCodes
{
    public const string Stage = "serve";

    /// <summary>An unexpected failure inside the server (a bug): 500.</summary>
    public const string Internal = "TAC900";

    /// <summary>A query parameter that cannot be read (a bad date, an unknown type, a negative offset): 400.</summary>
    public const string BadParameter = "TAC901";

    /// <summary>No such document, story or page: 404.</summary>
    public const string NotFound = "TAC902";

    /// <summary>A request body that cannot be read (malformed JSON, no text): 400.</summary>
    public const string BadBody = "TAC903";

    /// <summary>A request body over the server's limit: 413.</summary>
    public const string TooLarge = "TAC904";

    /// <summary>A write (or, off loopback, a read) without the right token: 401.</summary>
    public const string Unauthorized = "TAC905";

    /// <summary>Too many requests from one client: 429.</summary>
    public const string RateLimited = "TAC906";

    /// <summary>A body in a format the endpoint does not take: 415.</summary>
    public const string UnsupportedMediaType = "TAC907";
}
