namespace Tacitus.Store;

/// <summary>An event's modality as a filter: asserted means no modality flag is set.</summary>
internal enum EventModalityFilter
{
    Asserted,
    Negated,
    Denied,
    Hedged,
    Future,
    Conditional,
}
