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

    /// <summary>The lists the file may hold (before <see cref="Shipped"/>, which reads them).</summary>
    private static readonly string[] Known =
        ["institution", "locative", "strong-locative", "inner-joiner", "prefix", "language-cue", "language-follower", "follower", "title", "speaker-after", "descriptor", "capital-as-money"];

    private PlaceWords(Dictionary<string, HashSet<string>> lists, IEnumerable<string> calendar)
    {
        FrozenSet<string> List(string name) => lists.TryGetValue(name, out var words) ? words.ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty;
        var calendarWords = calendar.ToList();
        Calendar = calendarWords.ToFrozenSet(StringComparer.Ordinal);
        Institutions = List("institution");
        Locatives = List("locative");
        StrongLocatives = List("strong-locative");
        InnerJoiners = List("inner-joiner");
        Prefixes = List("prefix");
        LanguageCues = List("language-cue");
        LanguageFollowers = List("language-follower");
        Followers = List("follower").Concat(calendarWords).ToFrozenSet(StringComparer.Ordinal);
        Titles = List("title");
        SpeakerAfter = List("speaker-after");
        Descriptors = List("descriptor");
        CapitalAsMoney = List("capital-as-money");
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
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in DataFile.Embedded(DataFile.ResourceName("mentions", File)))
        {
            if (line.Fields.Length != 2 || Array.IndexOf(Known, line.Fields[0]) < 0 || line.Fields[1].Length == 0)
            {
                throw new InvalidOperationException($"The place words table does not load: {DataFile.Error("TAC420", "places", line, "expected a known list name and a word")}");
            }

            if (!lists.TryGetValue(line.Fields[0], out var words))
            {
                lists[line.Fields[0]] = words = new HashSet<string>(StringComparer.Ordinal);
            }

            words.Add(line.Fields[1]);
        }

        var time = TimeWords.Shipped;
        return new PlaceWords(lists, time.Months.Keys.Concat(time.Weekdays.Keys).Select(w => w.ToLowerInvariant()));
    }
}
