namespace Tacitus.Server.Api;

/// <summary>What <c>POST /api/documents</c> did: the document's id, whether it was new, and what was found in it.</summary>
internal sealed record PostedDocument(string Id, bool Stored, string? Title, int Sentences, int Mentions, int Attributions, int Events, IReadOnlyList<string> Warnings);
