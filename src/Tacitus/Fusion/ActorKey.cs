namespace Tacitus.Fusion;

/// <summary>An event's actor or recipient as fusion compares it: a name (when resolved), a country and a sector.</summary>
internal sealed record ActorKey(string? Name, string? Country, string? Sector)
{
    /// <summary>Country and sector codes together ("CHNGOV"), as event data writes an actor; null when neither is known.</summary>
    public string? Code => Country is null && Sector is null ? null : (Country ?? "---") + (Sector ?? string.Empty);

    public bool IsEmpty => Name is null && Country is null && Sector is null;
}
