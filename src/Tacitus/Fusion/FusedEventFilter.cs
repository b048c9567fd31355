namespace Tacitus.Fusion;

/// <summary>
/// Which fused events to list: by story, PLOVER type, actor (a code such as "CHNGOV" or "CHN", or a name), country
/// (actor, recipient or place), dates (the event's range meets [since, until]) and status. Null means any.
/// </summary>
internal sealed record FusedEventFilter
{
    public long? Story { get; init; }

    public string? Type { get; init; }

    public string? Actor { get; init; }

    public string? Country { get; init; }

    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    public string? Status { get; init; }

    public static readonly FusedEventFilter All = new();
}
