using System.Collections.Frozen;
using Tacitus.Knowledge;
using Tacitus.Mentions.Time;

namespace Tacitus.Mentions;

/// <summary>
/// The words the place recogniser reads around a candidate place, from data/mentions/place-words.tsv (see its header
/// for what each list is). Month and weekday names are the time words' (data/time/words.tsv): one list, shared.
/// </summary>
internal sealed class PlaceWords
{
    private const string File = "place-words.tsv";

    private PlaceWords(WordLists lists, IEnumerable<string> calendar)
    {
        var calendarWords = calendar.ToList();
        Calendar = calendarWords.ToFrozenSet(StringComparer.Ordinal);
        Institutions = lists["institution"];
        Locatives = lists["locative"];
        StrongLocatives = lists["strong-locative"];
        InnerJoiners = lists["inner-joiner"];
        Prefixes = lists["prefix"];
        LanguageCues = lists["language-cue"];
        LanguageFollowers = lists["language-follower"];
        Followers = lists["follower"].Concat(calendarWords).ToFrozenSet(StringComparer.Ordinal);
        Titles = lists["title"];
        SpeakerAfter = lists["speaker-after"];
        Descriptors = lists["descriptor"];
        CapitalAsMoney = lists["capital-as-money"];
    }

    public static PlaceWords Shipped { get; } = Load();

    /// <summary>Calendar words: never places, whatever precedes them ("in May").</summary>
    public FrozenSet<string> Calendar { get; }

    public FrozenSet<string> Institutions { get; }

    public FrozenSet<string> Locatives { get; }

    public FrozenSet<string> StrongLocatives { get; }

    public FrozenSet<string> InnerJoiners { get; }

    public FrozenSet<string> Prefixes { get; }

    public FrozenSet<string> LanguageCues { get; }

    public FrozenSet<string> LanguageFollowers { get; }

    /// <summary>The follower list plus month and weekday names.</summary>
    public FrozenSet<string> Followers { get; }

    public FrozenSet<string> Titles { get; }

    public FrozenSet<string> SpeakerAfter { get; }

    public FrozenSet<string> Descriptors { get; }

    public FrozenSet<string> CapitalAsMoney { get; }

    private static PlaceWords Load()
    {
        var time = TimeWords.Shipped;
        return new PlaceWords(WordLists.Embedded("mentions", File), time.Months.Keys.Concat(time.Weekdays.Keys).Select(w => w.ToLowerInvariant()));
    }
}
