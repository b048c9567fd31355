using Tacitus.Documents;
using Tacitus.Mentions.Time;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions.Time;

public sealed class CommonTimeExpressionsTests
{
    private static readonly DateOnly Published = new(2019, 1, 9);

    private static (bool Read, List<TimeCandidate> Found, Document Document) Read(string text, DateOnly? published = null, bool dated = true)
    {
        published = dated ? published ?? Published : null;
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        var tokens = document.TokensOf(document.Sentences[0]);
        var found = new List<TimeCandidate>();
        var all = true;
        foreach (var (first, last) in TimeTriggers.Windows(text, tokens))
        {
            all &= CommonTimeExpressions.TryRead(text, tokens, first, last, published, found);
        }

        return (all, found, document);
    }

    [Theory]
    [InlineData("The minister spoke on Tuesday in the capital.", "Tuesday", "XXXX-WXX-2")]
    [InlineData("The law passed in March and was signed.", "March", "XXXX-03")]
    [InlineData("Exports grew in 2004 as prices rose.", "2004", "2004")]
    [InlineData("Exports fell last year, the agency said.", "last year", "2018")]
    [InlineData("The firm will report next week.", "next week", "2019-W03")]
    [InlineData("Shares rose this month.", "this month", "2019-01")]
    [InlineData("The talks ended yesterday.", "yesterday", "2019-01-08")]
    [InlineData("Prices are now falling.", "now", "PRESENT_REF")]
    [InlineData("The plant closed two years ago.", "two years ago", "2017-01-09")]
    [InlineData("The trial lasted about three weeks.", "about three weeks", "P3W")]
    [InlineData("Sales grew over the past five years.", "the past five years", "P5Y")]
    [InlineData("Profit rose in the third quarter.", "the third quarter", "(XXXX-07-01,XXXX-10-01,P3M)")]
    [InlineData("The plant opened on March 3.", "March 3", "XXXX-03-03")]
    [InlineData("The bridge closed on 9 January, officials said.", "9 January", "XXXX-01-09")]
    [InlineData("Jobs grew in December 2004, figures show.", "December 2004", "2004-12")]
    [InlineData("Fares have not been so low since 11 September 2001, airlines say.", "11 September 2001", "2001-09-11")]
    [InlineData("The deal was signed on March 3, 2004 in Rome.", "March 3, 2004", "2004-03-03")]
    [InlineData("The meeting was held on 15 December, 1953, papers show.", "15 December, 1953", "1953-12-15")]
    [InlineData("Turnout beat last year's record.", "last year", "2018")]
    [InlineData("Officials said next week’s vote would go ahead.", "next week", "2019-W03")]
    [InlineData("The mill closed a year ago.", "a year ago", "2018-01-09")]
    [InlineData("The ferry sank a week ago, police said.", "a week ago", "2019-01-02")]
    [InlineData("The band was formed in the 1970s by two brothers.", "the 1970s", "(1970-01-01,1980-01-01,P10Y)")]
    [InlineData("Prices fell throughout the 1990s.", "the 1990s", "(1990-01-01,2000-01-01,P10Y)")]
    [InlineData("It was a hit with 1980s audiences.", "1980s", "(1980-01-01,1990-01-01,P10Y)")]
    [InlineData("The plant opened in early 2004.", "early 2004", "2004")]
    [InlineData("Debt will peak at the end of 2006, it said.", "the end of 2006", "2006")]
    [InlineData("Output grew between 2001 and 2003.", "between 2001 and 2003", "(2001-01-01,2003-01-01,P2Y)")]
    [InlineData("It was the largest deal of 2004.", "2004", "2004")]
    [InlineData("The rebels attacked on Tuesday night.", "Tuesday night", "XXXX-WXX-2TNI")]
    [InlineData("Shops closed over the weekend.", "the weekend", "2019-W02-WE")]
    [InlineData("Fans travelled last weekend.", "last weekend", "2019-W01-WE")]
    [InlineData("Sales fell before Christmas, traders said.", "Christmas", "XXXX-12-25")]
    [InlineData("Shops opened on Christmas Day.", "Christmas Day", "XXXX-12-25")]
    [InlineData("The figures were released earlier this month.", "earlier this month", "2019-01")]
    [InlineData("The firm expects a rise later this year.", "later this year", "2019")]
    [InlineData("Exports grew over the year, the agency said.", "the year", "2019")]
    [InlineData("The ban lasted a week in all.", "a week", "P1W")]
    [InlineData("Fares rise every year, it said.", "every year", "P1Y")]
    public void TryRead_SimpleExpression_WritesRecogniserTimex(string text, string expression, string timex)
    {
        var (read, found, document) = Read(text);
        Assert.True(read);
        var candidate = Assert.Single(found);
        Assert.Equal(expression, document.Slice(candidate.Span).ToString());
        Assert.Equal(timex, candidate.Timex);
    }

    [Theory]
    [InlineData("Sales have doubled since last year's launch.", "last year")]
    [InlineData("Sales have doubled since last month.", "last month")]
    public void TryRead_SinceRelativePeriod_MarksSince(string text, string expression)
    {
        var (read, found, document) = Read(text);
        Assert.True(read);
        var candidate = Assert.Single(found);
        Assert.Equal(expression, document.Slice(candidate.Span).ToString());
        Assert.Equal("since", candidate.Mod);
    }

    [Theory]
    [InlineData("The talks ran from March to May.")]
    [InlineData("The deal closed at the end of last year.")]
    [InlineData("The strike lasted 12 to 14 hours.")]
    [InlineData("May we go now?")]
    [InlineData("Talks ran from 3 to 5 March.")]
    [InlineData("Talks are set for March 3 and 4.")]
    [InlineData("The vote fell on 31 February 2004.")]
    [InlineData("Profit rose to £5 March levels.")]
    [InlineData("The vote is on Tuesday, 1 March, officials said.")]
    [InlineData("The plant reopens around 5 May, officials said.")]
    [InlineData("Fares apply starting on 21 March, officials said.")]
    [InlineData("Rents have doubled since the 1990s.")]
    [InlineData("The town grew in the early 1970s.")]
    [InlineData("The church dates from the 1900s.")]
    [InlineData("Trade rose in the 1980s and 1990s.")]
    [InlineData("Exports grew 5% a year.")]
    [InlineData("The mill closed just over a year ago.")]
    [InlineData("Fares have not been so low since the weekend.")]
    [InlineData("Prices rose in the summer of 2004.")]
    [InlineData("The plant was shut for the year to March 2005.")]
    [InlineData("Jobs were cut in the first half of 2004.")]
    [InlineData("Prices fell from 2001 to 2003.")]
    [InlineData("Sales rose over the three years to 2004.")]
    [InlineData("Staff work four hours a week there.")]
    [InlineData("The law was passed a year earlier.")]
    [InlineData("The fighting stopped on Christmas Eve.")]
    [InlineData("Crowds marked Orthodox Christmas in the city.")]
    [InlineData("The ship reached Christmas Island.")]
    [InlineData("The ship sank 20 minutes later.")]
    [InlineData("He said earlier in the day that talks had failed.")]
    [InlineData("Sales beat last year's 5 million.")]
    [InlineData("The 2006 World Cup is in Germany.")]
    [InlineData("Debt will peak by the end of 2006, it said.")]
    [InlineData("The firm said earlier that talks had failed.")]
    public void TryRead_LongerOrAmbiguousExpression_LeavesItToRecogniser(string text)
    {
        Assert.False(Read(text).Read);
    }

    [Theory]
    [InlineData("The talks ended yesterday.")]
    [InlineData("Exports fell last year, the agency said.")]
    [InlineData("The plant closed two years ago.")]
    [InlineData("Exports fell at the end of last year.")]
    [InlineData("Fans travelled last weekend.")]
    [InlineData("The figures were released earlier this month.")]
    [InlineData("Output fell in the previous year, the agency said.")]
    [InlineData("Fares will rise this summer.")]
    [InlineData("The shop sold out this Christmas.")]
    public void TryRead_NoPublicationDateAndRelativeExpression_ReadsItWithoutValue(string text)
    {
        var (read, found, _) = Read(text, dated: false);
        Assert.True(read);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("The minister spoke on Tuesday in the capital.", "XXXX-WXX-2")]
    [InlineData("Exports grew in 2004 as prices rose.", "2004")]
    [InlineData("The trial lasted about three weeks.", "P3W")]
    [InlineData("Fares rise every year, it said.", "P1Y")]
    [InlineData("Sales fell before Christmas, traders said.", "XXXX-12-25")]
    [InlineData("It was the largest deal of 2004.", "2004")]
    public void TryRead_NoPublicationDateAndDateFreeExpression_WritesTimex(string text, string timex)
    {
        var (read, found, _) = Read(text, dated: false);
        Assert.True(read);
        Assert.Equal(timex, Assert.Single(found).Timex);
    }

    [Theory]
    [InlineData("Prices rose in recent years, it said.")]
    [InlineData("The firm has made losses for years.")]
    [InlineData("Tourists flock there in the summer.")]
    [InlineData("Sales were weak in late winter.")]
    [InlineData("The company had earlier denied the report.")]
    [InlineData("He moved to a later flight.")]
    [InlineData("A quarter of the staff will go.")]
    [InlineData("The side reached the quarter-finals.")]
    public void TryRead_WordsThatMakeNoValue_ReadsNothing(string text)
    {
        var (read, found, _) = Read(text);
        Assert.True(read);
        Assert.Empty(found);
    }

    [Fact]
    public void TryRead_InTwoYears_ReadsEachYear()
    {
        var (read, found, document) = Read("Sales rose in 2003 and 2004, it said.");
        Assert.True(read);
        Assert.Equal(["2003", "2004"], found.Select(c => document.Slice(c.Span).ToString()));
        Assert.Equal(["2003", "2004"], found.Select(c => c.Timex));
    }
}
