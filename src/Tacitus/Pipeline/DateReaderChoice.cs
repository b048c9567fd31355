namespace Tacitus.Pipeline;

/// <summary>
/// What reads date and time expressions in the times stage. The project's own rules read the common forms (weekdays,
/// months, years, "last week", clock times, periods) in both settings; the choice is what reads the rest.
/// </summary>
public enum DateReaderChoice
{
    /// <summary>The project's rules alone (default): a window they cannot read gives no time mention.</summary>
    Rules,

    /// <summary>The rules first, then Microsoft.Recognizers for the windows they leave (slower first pass and start-up).</summary>
    Recognizer,
}
