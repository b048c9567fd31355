namespace Tacitus.Store;

/// <summary>The orders an event page can come in (store order, then the column).</summary>
internal enum EventSort
{
    Stored,
    Date,
    Type,
    Actor,
    Recipient,
    Location,
    Outlet,
    Confidence,
}
