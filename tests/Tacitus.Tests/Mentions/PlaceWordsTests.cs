using Tacitus.Mentions;
using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions;

public sealed class PlaceWordsTests
{
    [Theory]
    [InlineData("institution", "university")]
    [InlineData("strong-locative", "throughout")]
    [InlineData("title", "judge")]
    [InlineData("speaker-after", "tweeted")]
    [InlineData("descriptor", "prefecture")]
    [InlineData("capital-as-money", "markets")]
    public void Shipped_ListFromTheDataFile_HoldsItsWords(string list, string word)
    {
        var words = PlaceWords.Shipped;
        var set = list switch
        {
            "institution" => words.Institutions,
            "strong-locative" => words.StrongLocatives,
            "title" => words.Titles,
            "speaker-after" => words.SpeakerAfter,
            "descriptor" => words.Descriptors,
            _ => words.CapitalAsMoney,
        };

        Assert.Contains(word, (IReadOnlySet<string>)set);
    }

    [Fact]
    public void Shipped_CalendarWords_AreTheTimeWordsMonthsAndWeekdays()
    {
        var time = TimeWords.Shipped;
        var expected = time.Months.Keys.Concat(time.Weekdays.Keys).Select(w => w.ToLowerInvariant()).Order(StringComparer.Ordinal);

        Assert.Equal(expected, PlaceWords.Shipped.Calendar.Order(StringComparer.Ordinal));
        Assert.Equal(19, PlaceWords.Shipped.Calendar.Count);
        Assert.Contains("september", (IReadOnlySet<string>)PlaceWords.Shipped.Followers);
        Assert.Contains("mayor", (IReadOnlySet<string>)PlaceWords.Shipped.Followers);
    }
}
