using Tacitus.Documents;
using Tacitus.Mentions;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions;

public sealed class TimeRecognizerTests
{
    /// <summary>The times stage over <paramref name="text"/>: the rules alone (the default), or with the recogniser behind them.</summary>
    internal static Document Analyse(string text, string published, bool useRecognizer = false)
    {
        var document = new Document(text, new DocumentMetadata { Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) }) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new TimeRecognizer(useRecognizer).Process(document, CancellationToken.None);
        return document;
    }

    private static Mention Find(Document document, string expression)
    {
        var times = document.Mentions.Where(m => m.Kind == MentionKind.Time).ToList();
        var mention = times.Find(m => document.Slice(m.Span).SequenceEqual(expression));
        Assert.True(mention is not null, $"no time mention '{expression}'; found: {string.Join(", ", times.Select(m => $"'{document.Slice(m.Span)}'={m.Time?.Value}"))}");
        return mention!;
    }

    [Fact]
    public void Process_HolidayWithRecognizer_ResolvesAgainstPublication()
    {
        // a form only the recogniser reads (--dates recognizer)
        var mention = Find(Analyse("The president said in his New Year's address that taxes would fall.", "2019-01-09", useRecognizer: true), "New Year");
        Assert.Equal("2019-01-01", mention.Time!.Value);
    }

    [Theory]
    // forms of news the rules read as TimeML writes them (published on a Wednesday)
    [InlineData("2004-10-13", "The company began trading this summer.", "this summer", "2004-SU")]
    [InlineData("2004-10-13", "The doctor was shot last fall in his home.", "last fall", "2003-FA")]
    [InlineData("2004-10-13", "The bridge will reopen next spring.", "next spring", "2005-SP")]
    [InlineData("2004-10-13", "The results will be announced this morning.", "this morning", "2004-10-13TMO")]
    [InlineData("2004-10-13", "The envoy meets the premier later this afternoon.", "later this afternoon", "2004-10-13TAF")]
    [InlineData("2004-10-13", "Shares fell yesterday morning in thin trade.", "yesterday morning", "2004-10-12TMO")]
    [InlineData("2004-10-13", "The system evolved over several years.", "several years", "PXY")]
    [InlineData("2004-10-13", "Ships could sail within a few days.", "a few days", "PXD")]
    [InlineData("2004-10-13", "It will not change for a couple of years.", "a couple of years", "P2Y")]
    [InlineData("2004-10-13", "Support rose from 35 percent several years ago.", "several years ago", "PAST_REF")]
    [InlineData("2004-10-13", "The city was rebuilt in the 19th century.", "the 19th century", "18")]
    [InlineData("2004-10-13", "She backs a 21st-century navy.", "21st-century", "20")]
    [InlineData("2004-10-13", "He wrote of the nineteenth century.", "the nineteenth century", "18")]
    [InlineData("2004-10-13", "Hate groups grew over the past year.", "the past year", "2003")]
    [InlineData("2004-10-13", "The firm forecast a rise for the full year.", "the full year", "2004")]
    [InlineData("2004-10-13", "Troops will arrive by the end of the month.", "the end of the month", "2004-10")]
    [InlineData("2004-10-13", "The plant will close at the end of February.", "the end of February", "2005-02")]
    [InlineData("2004-10-13", "In the past, the army has claimed the port.", "the past", "PAST_REF")]
    [InlineData("2004-10-13", "Talks may resume in the near future.", "the near future", "FUTURE_REF")]
    [InlineData("2004-10-13", "The firm currently holds 77% of the shares.", "currently", "PRESENT_REF")]
    [InlineData("2004-10-13", "Stocks hit a five year low.", "five year", "P5Y")]
    [InlineData("2004-10-13", "He left after a three hour meeting.", "three hour", "PT3H")]
    [InlineData("2004-10-13", "Bands march each July through the town.", "each July", "XXXX-07")]
    [InlineData("2004-10-13", "The stock fell 7/8 Thursday.", "Thursday", "2004-10-07")]
    [InlineData("2004-10-13", "Talks broke off at noon Thursday.", "noon Thursday", "2004-10-07T12:00")]
    [InlineData("2004-10-13", "The two firms met last Wednesday.", "last Wednesday", "2004-10-06")]
    [InlineData("2004-10-13", "The two firms will meet next Wednesday.", "next Wednesday", "2004-10-20")]
    [InlineData("2004-10-13", "Steelmakers will report losses through the third quarter of 2005.", "the third quarter of 2005", "2005-Q3")]
    [InlineData("2004-10-13", "The charge fell in the 2003 second quarter.", "the 2003 second quarter", "2003-Q2")]
    [InlineData("2004-10-13", "Orders rose in the current quarter.", "the current quarter", "2004-Q4")]
    [InlineData("2004-10-13", "The firm lost $5 million in the third quarter of 2004.", "the third quarter of 2004", "2004-Q3")]
    [InlineData("2004-10-13", "It posted a loss for the third quarter of $226 million.", "the third quarter", "2004-Q3")]
    [InlineData("2004-10-13", "Costs will fall each year.", "each year", "P1Y")]
    [InlineData("2004-10-13", "The charity grew over the past quarter of a century.", "a century", "P100Y")]
    [InlineData("2004-10-13", "Control could be lost within several decades.", "several decades", "PXDE")]
    [InlineData("2004-10-13", "The summit will be held on April 24 and 25.", "25", "2005-04-25")]
    [InlineData("2004-10-13", "The summit will be held on April 24 and 25.", "April 24", "2005-04-24")]
    [InlineData("2004-10-13", "The festival ran from 6 to 9 January.", "6", "2004-01-06")]
    [InlineData("2004-10-13", "The editorial ran on Monday, Oct. 11: the ruling was wrong.", "Monday, Oct. 11", "2004-10-11")]
    [InlineData("2004-10-13", "The clock stopped at 10:35:22 p.m.", "10:35:22 p.m.", "2004-10-13T22:35:22")]
    public void Process_RulesAlone_NewsShapes_WritesTimeMLValue(string published, string text, string expression, string value)
    {
        Assert.Equal(value, Find(Analyse(text, published), expression).Time!.Value);
    }

    [Theory]
    // the same words where they make no time expression
    [InlineData("The future king visited the town.")]
    [InlineData("Prices fall when demand drops.")]
    [InlineData("The fall of the city surprised the army.")]
    [InlineData("He moved past the guards.")]
    [InlineData("He spoke to CBS This Morning about the vote.")]
    [InlineData("Costs will fall when the plant opens.")]
    public void Process_RulesAlone_WordsOfTimeInOtherSenses_FindsNothing(string text)
    {
        Assert.DoesNotContain(Analyse(text, "2004-10-13").Mentions, m => m.Kind == MentionKind.Time);
    }

    [Theory]
    // the rules alone read the core of an expression whose context they used to leave to the recogniser
    [InlineData("2000-01-10", "Until Thursday, they had not named a suspect.", "Thursday", "2000-01-06")]
    [InlineData("1998-08-20", "The incidents of Aug. 7 underscore the risk.", "Aug. 7", "1998-08-07")]
    [InlineData("2000-01-10", "He was rescued off the coast in late November.", "late November", "1999-11")]
    [InlineData("2000-01-10", "He arrived in Florida last November, officials said.", "November", "1999-11")]
    [InlineData("1999-05-10", "He was charged in the 1995 shooting of a doctor.", "1995", "1995")]
    [InlineData("1999-05-10", "The pandemic of 2009-2010 killed many.", "2009", "2009")]
    [InlineData("1999-05-10", "The suspect was freed after three days of questioning.", "three days", "P3D")]
    [InlineData("1999-05-10", "She met the president in a five-hour visit.", "five-hour", "PT5H")]
    [InlineData("1999-05-10", "The struggle must not stop for one minute, she said.", "one minute", "PT1M")]
    [InlineData("1989-10-20", "Third-quarter profit rose 5%.", "Third-quarter", "1989-Q3")]
    [InlineData("2005-03-15", "The talks began at 9 a.m. on Monday.", "9 a.m. on Monday", "2005-03-14T09:00")]
    [InlineData("2005-03-15", "Polls closed at 10:30 p.m. on Sunday night, officials said.", "10:30 p.m. on Sunday", "2005-03-13T22:30")]
    [InlineData("2005-03-15", "The vote is at 14:00.", "14:00", "2005-03-15T14:00")]
    [InlineData("2005-03-15", "He left the building at 5pm.", "5pm", "2005-03-15T17:00")]
    [InlineData("2020-05-01", "The file is dated 2019-01-09.", "2019-01-09", "2019-01-09")]
    [InlineData("2019-01-09", "The president said in his New Year's address that taxes would fall.", "New Year", "2019-01-01")]
    [InlineData("2019-01-09", "The envoy arrived Tuesday night. She visited a school the next morning.", "the next morning", "2019-01-09TMO")]
    [InlineData("2019-01-09", "The storm hit on Jan. 2. Power returned two days later.", "two days later", "2019-01-04")]
    [InlineData("2019-05-10", "Prices rose in mid-March, traders said.", "mid-March", "2019-03")]
    [InlineData("2019-05-10", "Sales fell in late-November.", "late-November", "2018-11")]
    public void Process_RulesAlone_ReadsTheCoreOfTheExpression(string published, string text, string expression, string value)
    {
        Assert.Equal(value, Find(Analyse(text, published), expression).Time!.Value);
    }

    [Theory]
    [InlineData("The scientist, 47 years old, left.")]
    [InlineData("A 10-year-old boy was found.")]
    [InlineData("The score was 3:1 after the break.")]
    [InlineData("It cost £2000 to repair.")]
    [InlineData("Families gathered for the Lunar New Year.")]
    [InlineData("She was named in the New Year Honours list.")]
    public void Process_RulesAlone_NoCertainTime_FindsNothing(string text)
    {
        Assert.DoesNotContain(Analyse(text, "2019-01-09").Mentions, m => m.Kind == MentionKind.Time);
    }

    [Theory]
    [InlineData("The minister spoke with reporters Tuesday night.", "Tuesday night", "2019-01-08TNI")]
    [InlineData("The ferry was in port by 2 p.m. Wednesday, officials said.", "2 p.m. Wednesday", "2019-01-09T14:00")]
    [InlineData("The treaty was signed on Jan. 9, 2019 in the capital.", "Jan. 9, 2019", "2019-01-09")]
    public void Process_WithRecognizer_ReadsTheSameCommonForms(string text, string expression, string value)
    {
        Assert.Equal(value, Find(Analyse(text, "2019-01-09", useRecognizer: true), expression).Time!.Value);
    }

    [Theory]
    // weekday in past-tense reporting: the most recent one, the publication day included
    [InlineData("2019-01-09", "The minister spoke with reporters Tuesday night.", "Tuesday night", "2019-01-08TNI", TimePrecision.TimeOfDay, "publication")]
    [InlineData("2019-01-09", "The ferry was in port by 2 p.m. Wednesday, officials said.", "2 p.m. Wednesday", "2019-01-09T14:00", TimePrecision.Minute, "publication")]
    [InlineData("2019-01-09", "The mayor said Sunday that the roads would reopen.", "Sunday", "2019-01-06", TimePrecision.Day, "publication")]
    [InlineData("2019-01-09", "The agency told a briefing Tuesday that prices had fallen.", "Tuesday", "2019-01-08", TimePrecision.Day, "publication")]
    // weekday in future-tense text: the next one
    [InlineData("2019-01-12", "The council will vote on Monday.", "Monday", "2019-01-14", TimePrecision.Day, "publication")]
    [InlineData("2019-01-09", "The team could fly home as soon as Thursday morning.", "Thursday morning", "2019-01-10TMO", TimePrecision.TimeOfDay, "publication")]
    // month only: the tense picks the year
    [InlineData("2019-01-09", "The company opened a plant in May.", "May", "2018-05", TimePrecision.Month, "publication")]
    [InlineData("2019-01-09", "The company will open a plant in May.", "May", "2019-05", TimePrecision.Month, "publication")]
    [InlineData("2019-01-09", "Growth has slowed since their first meeting in June.", "June", "2018-06", TimePrecision.Month, "publication")]
    // relative to the publication date
    [InlineData("2019-01-09", "Exports fell sharply last year.", "last year", "2018", TimePrecision.Year, "publication")]
    [InlineData("2019-01-09", "The plant closed two years ago.", "two years ago", "2017", TimePrecision.Year, "publication")]
    [InlineData("2019-01-09", "Rail traffic stopped yesterday.", "yesterday", "2019-01-08", TimePrecision.Day, "publication")]
    // explicit dates
    [InlineData("2020-05-01", "The treaty was signed on Jan. 9, 2019 in the capital.", "Jan. 9, 2019", "2019-01-09", TimePrecision.Day, "explicit")]
    [InlineData("2019-03-01", "The bridge closed on 9 January after the flood.", "9 January", "2019-01-09", TimePrecision.Day, "publication")]
    [InlineData("2020-05-01", "The file is dated 2019-01-09.", "2019-01-09", "2019-01-09", TimePrecision.Day, "explicit")]
    [InlineData("2019-01-09", "The museum opened in 1998.", "1998", "1998", TimePrecision.Year, "explicit")]
    // durations
    [InlineData("2019-01-09", "The talks lasted three hours.", "three hours", "PT3H", TimePrecision.TimeOfDay, "none")]
    [InlineData("2019-01-09", "It was the worst storm in a decade.", "a decade", "P10Y", TimePrecision.Year, "none")]
    public void Process_Expression_ResolvesAgainstPublication(string published, string text, string expression, string value, TimePrecision precision, string basis)
    {
        var mention = Find(Analyse(text, published), expression);
        Assert.Equal(value, mention.Time!.Value);
        Assert.Equal(precision, mention.Time.Precision);
        Assert.Equal(basis, mention.Time.Basis);
    }

    [Theory]
    // anchored to the event told before, not to the publication date
    [InlineData("2019-01-09", "The envoy arrived Tuesday night. Later she met the governor, and the next morning she visited a school.", "the next morning", "2019-01-09TMO")]
    [InlineData("2019-01-09", "The envoy arrived Tuesday night. She visited a school the next morning. She left around noon.", "around noon", "2019-01-09T12:00")]
    [InlineData("2019-01-09", "The storm hit on Jan. 2. Power returned two days later.", "two days later", "2019-01-04")]
    [InlineData("2019-01-09", "The rally began on Friday. Police cleared the square that night.", "that night", "2019-01-04TNI")]
    [InlineData("2019-01-09", "The deal closed on Monday. The shares rose the following day.", "the following day", "2019-01-08")]
    public void Process_EventRelativeExpression_AnchorsOnEarlierTime(string published, string text, string expression, string value)
    {
        var mention = Find(Analyse(text, published), expression);
        Assert.Equal(value, mention.Time!.Value);
        Assert.Equal("event", mention.Time.Basis);
    }

    [Fact]
    public void Process_NextMorning_PrefersAnchorWithTimeOfDayOverLaterDay()
    {
        // "the next morning" continues the night told about, not the holiday named after it
        var document = Analyse("The envoy arrived Tuesday night. He praised the New Year's speech. He visited a school the next morning.", "2019-01-09");
        Assert.Equal("2019-01-09TMO", Find(document, "the next morning").Time!.Value);
    }

    [Theory]
    [InlineData("The tale is set 6,000 years ago.", "2005-02-01")]
    [InlineData("Fossils formed 65 million years ago.", "2005-02-01")]
    [InlineData("The tablet was carved 900,000 days ago.", "2005-02-01")]
    public void Process_AgoBeyondTheCalendar_GivesNoDateInsteadOfFailing(string text, string published)
    {
        var document = Analyse(text, published);
        Assert.DoesNotContain(document.Mentions, m => m.Kind == MentionKind.Time && m.Time!.Precision == TimePrecision.Day);
    }

    [Fact]
    public void Process_AgoWithinTheCalendar_ResolvesBack()
    {
        Assert.Equal("2005-01-29", Find(Analyse("The ship sank three days ago.", "2005-02-01"), "three days ago").Time!.Value);
    }

    [Fact]
    public void Process_BareTimeOfDayWithoutEarlierDate_UsesPublicationDate()
    {
        var mention = Find(Analyse("The vote closes at noon.", "2019-01-09"), "noon");
        Assert.Equal("2019-01-09T12:00", mention.Time!.Value);
        Assert.Equal("publication", mention.Time.Basis);
    }

    [Fact]
    public void Process_SinceMonth_GivesRangeToPublication()
    {
        var mention = Find(Analyse("Prices have risen since March.", "2019-01-09"), "March");
        Assert.Equal("2018-03", mention.Time!.Value);
        Assert.Equal("2019-01-09", mention.Time.EndValue);
    }

    [Fact]
    public void Process_DateRangeWithRecognizer_GivesStartAndEnd()
    {
        var document = Analyse("The fair will run from March 3 to March 5.", "2019-01-09", useRecognizer: true);
        var mention = document.Mentions.Single(m => m.Kind == MentionKind.Time);
        Assert.Equal("2019-03-03", mention.Time!.Value);
        Assert.Equal("2019-03-05", mention.Time.EndValue);
    }

    [Theory]
    [InlineData("Trump is seeking a second summit with the leader.")]
    [InlineData("He might spend the night in one of the carriages.")]
    [InlineData("In a time of too much information, quality matters.")]
    public void Process_NoTimeExpression_FindsNothing(string text)
    {
        Assert.DoesNotContain(Analyse(text, "2019-01-09").Mentions, m => m.Kind == MentionKind.Time);
    }

    [Fact]
    public void Process_BoilerplateSentence_IsSkipped()
    {
        var document = new Document("Subscribe by Tuesday.", new DocumentMetadata { Published = new DateOnly(2019, 1, 9) }) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        document.Sentences[0].Boilerplate = true;
        new TimeRecognizer().Process(document, CancellationToken.None);
        Assert.Empty(document.Mentions);
    }

    [Fact]
    public void Process_NoPublicationDate_KeepsOnlyExplicitValues()
    {
        var document = new Document("The treaty was signed on Jan. 9, 2019, and talks resumed on Tuesday.", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new TimeRecognizer().Process(document, CancellationToken.None);
        Assert.Equal("2019-01-09", Find(document, "Jan. 9, 2019").Time!.Value);
        var tuesday = Find(document, "Tuesday");
        Assert.Equal("XXXX-WXX-2", tuesday.Time!.Value);
        Assert.Equal("none", tuesday.Time.Basis);
    }

    [Theory]
    [InlineData("Rail traffic stopped yesterday.")]
    [InlineData("Exports fell sharply last year.")]
    [InlineData("The plant closed two years ago.")]
    [InlineData("The firm will report next month.")]
    [InlineData("Prices fell earlier this year.")]
    public void Process_NoPublicationDateAndRelativeExpression_GivesNoValue(string text)
    {
        // counted from a date the document does not give, any value would be made up
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new TimeRecognizer().Process(document, CancellationToken.None);
        Assert.DoesNotContain(document.Mentions, m => m.Kind == MentionKind.Time && m.Time!.Value.Length >= 4 && char.IsAsciiDigit(m.Time.Value[0]));
    }
}
