namespace Tacitus.Store;

/// <summary>An actor as the events name it (name, country, sector) and how often it acts and is acted on.</summary>
internal sealed record ActorSummary(string Name, string? Country, string? Sector, int Events, int AsActor, int AsRecipient);
