namespace Tacitus.Documents;

/// <summary>
/// A problem with one input: a stable code (TAC1xx ingest, TAC2xx text, TAC3xx knowledge, TAC4xx analysis,
/// TAC5xx store, TAC6xx eval, TAC9xx serve), the stage, and the file and record it came from.
/// </summary>
public sealed record TacitusError(string Code, string Stage, string Message, string? File = null, string? Record = null)
{
    public override string ToString()
    {
        var where = File is null ? string.Empty : Record is null ? $"{File}: " : $"{File} [{Record}]: ";
        return $"{where}{Code} {Stage}: {Message}";
    }
}
