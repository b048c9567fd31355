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
    [InlineData("The plant opened in early 2004.")]
    [InlineData("The rebels attacked on Tuesday night.")]
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
    [InlineData("Sales beat last year's 5 million.")]
    public void TryRead_LongerOrAmbiguousExpression_LeavesItToRecogniser(string text)
    {
        Assert.False(Read(text).Read);
    }

    [Theory]
    [InlineData("The talks ended yesterday.")]
    [InlineData("Exports fell last year, the agency said.")]
    [InlineData("The plant closed two years ago.")]
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
    public void TryRead_NoPublicationDateAndDateFreeExpression_WritesTimex(string text, string timex)
    {
        var (read, found, _) = Read(text, dated: false);
        Assert.True(read);
        Assert.Equal(timex, Assert.Single(found).Timex);
    }
}
