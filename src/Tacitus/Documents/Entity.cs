using Tacitus.Domain;

namespace Tacitus.Documents;

/// <summary>One real-world actor or place, with every mention of it in the document.</summary>
public sealed class Entity
{
    public required int Id { get; init; }

    public required string Name { get; set; }

    public required MentionKind Kind { get; init; }

    public CountryCode? Country { get; set; }

    public Sector? Sector { get; set; }

    /// <summary>Indexes into <see cref="Document.Mentions"/>.</summary>
    public List<int> Mentions { get; } = [];
}
