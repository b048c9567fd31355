namespace Tacitus.Fusion;

/// <summary>
/// Where fusion read a report's place from when its own record names none below country level: the record
/// (<paramref name="Event"/>, index in the same document) and sentence of the placed report it continues, and that
/// place's name (<see cref="PlaceContinuity"/>).
/// </summary>
internal sealed record PlaceSource(int Event, int Sentence, string? Name);
