namespace Tacitus.Documents;

/// <summary>
/// One arrival of a document's text: the outlet, URL and origin it came under, its publication date there, and
/// when the store first saw it that way. The same wire text from two outlets is one document with two sightings.
/// </summary>
public sealed record Sighting(string? Outlet, string? Url, string? Origin, DateOnly? Published, DateTime FirstSeen);
