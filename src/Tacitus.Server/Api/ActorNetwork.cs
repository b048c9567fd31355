using Tacitus.Store;

namespace Tacitus.Server.Api;

/// <summary>The actor network: who acts on whom, one edge per actor, recipient and event type.</summary>
internal sealed record ActorNetwork(IReadOnlyList<ActorInteraction> Items);
