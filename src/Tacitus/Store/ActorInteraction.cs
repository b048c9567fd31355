namespace Tacitus.Store;

/// <summary>An edge of the actor network: who acted on whom, with which event type, how many times.</summary>
internal sealed record ActorInteraction(string Actor, string? ActorCode, string Recipient, string? RecipientCode, string Type, int Count);
