using Tacitus.Documents;
using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class SentenceSegmenterTests
{
    private const string Wire =
        "• Harbor Wire\n\n" +
        "GENEVA (Harbor Wire) — Negotiators from both sides met for six hours on Tuesday, officials said.\n\n" +
        "Mr. Alvarez, a former U.S. ambassador, arrived at 9 a.m. Monday. He left by 2 p.m. The talks — the third round since Jan. 12 — covered $1.2 billion in aid and a 3.5% tariff.\n\n" +
        "“We came to listen. We will answer tomorrow,” the envoy told reporters. “Why now?” Ms. Ortiz asked. Nobody answered...\n" +
        "A spokesman for Acme Corp. in Washington said the firm’s shares didn’t move.\n\n" +
        "Independent journalism has never been more important.\nBy subscribing, you help us keep reporters in the field.";

    private static Document Segment(string text)
    {
        var document = new Document(text, new DocumentMetadata());
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return document;
    }

    private static string[] SentenceTexts(Document document) =>
        [.. document.Sentences.Select(s => s.Span.TextOf(document.Text))];

    [Theory]
    // abbreviations that never or rarely end a sentence
    [InlineData("Mr. Smith met Gen. Jones in the U.S. capital. They talked.", "Mr. Smith met Gen. Jones in the U.S. capital.|They talked.")]
    [InlineData("He spoke to Dr. Lee, Sen. Cruz and Rep. King on Friday.", "He spoke to Dr. Lee, Sen. Cruz and Rep. King on Friday.")]
    [InlineData("Shares of Acme Corp. rose on Monday. Widget Inc. and Gadget Co. fell.", "Shares of Acme Corp. rose on Monday.|Widget Inc. and Gadget Co. fell.")]
    [InlineData("A fellow at the RAND Corp. in Washington said so.", "A fellow at the RAND Corp. in Washington said so.")]
    [InlineData("He lives at No. 10 Downing Street. He is busy.", "He lives at No. 10 Downing Street.|He is busy.")]
    [InlineData("The vote is set for Sept. 5 in St. Louis. Lt. Gov. Hall will attend.", "The vote is set for Sept. 5 in St. Louis.|Lt. Gov. Hall will attend.")]
    [InlineData("The U.N. envoy met Mrs. Park on Aug. 3 in Springfield, Ill. The talks went well.", "The U.N. envoy met Mrs. Park on Aug. 3 in Springfield, Ill.|The talks went well.")]
    // times: p.m. / a.m. go on unless a sentence starter follows
    [InlineData("The convoy left by 2 p.m. Wednesday, officials said. It was late.", "The convoy left by 2 p.m. Wednesday, officials said.|It was late.")]
    [InlineData("Talks resume at 9 a.m. The venue is secret.", "Talks resume at 9 a.m.|The venue is secret.")]
    // initials
    [InlineData("John F. Kennedy was president. J.K. Rowling wrote books.", "John F. Kennedy was president.|J.K. Rowling wrote books.")]
    [InlineData("The team chose Plan B. The rest failed.", "The team chose Plan B.|The rest failed.")]
    // decimals and money
    [InlineData("Inflation rose 3.5% in Jan. 2019. The deficit hit $1.2 billion.", "Inflation rose 3.5% in Jan. 2019.|The deficit hit $1.2 billion.")]
    [InlineData("Profit rose to $1.13bn (£600m) from $0.9bn. Sales grew 2.5 times.", "Profit rose to $1.13bn (£600m) from $0.9bn.|Sales grew 2.5 times.")]
    // "U.S." at the end of a sentence
    [InlineData("China has tense relations with the U.S. The talks failed.", "China has tense relations with the U.S.|The talks failed.")]
    [InlineData("He met U.S. Trade Representative Robert Lane in the U.S. capital.", "He met U.S. Trade Representative Robert Lane in the U.S. capital.")]
    [InlineData("Relations with the U.S.\n\nNew paragraph here.", "Relations with the U.S.|New paragraph here.")]
    // quotes
    [InlineData("He said, “We will win.” Then he left.", "He said, “We will win.”|Then he left.")]
    [InlineData("“It is over,” she said. “We lost.”", "“It is over,” she said.|“We lost.”")]
    [InlineData("“We came to talk. We leave tomorrow,” the envoy said.", "“We came to talk.|We leave tomorrow,” the envoy said.")]
    [InlineData("“Are you a villain?” Trump asked. Nobody answered.", "“Are you a villain?” Trump asked.|Nobody answered.")]
    [InlineData("“Stop!” he shouted. The crowd stopped.", "“Stop!” he shouted.|The crowd stopped.")]
    [InlineData("He said \"no.\" Then he left.", "He said \"no.\"|Then he left.")]
    [InlineData("“Enough of this.” ― Jane Roe", "“Enough of this.” ― Jane Roe")]
    // dashes
    [InlineData("The trip — his fourth since March — was short. It ended early.", "The trip — his fourth since March — was short.|It ended early.")]
    [InlineData("The score was 3–1 at half-time. Fans left.", "The score was 3–1 at half-time.|Fans left.")]
    // ellipses
    [InlineData("He paused... then spoke. Wait… The crowd cheered.", "He paused... then spoke.|Wait…|The crowd cheered.")]
    [InlineData("If you are a widow . . . these are people we can vet, he said.", "If you are a widow . . . these are people we can vet, he said.")]
    [InlineData("It was fine. . . . But then it was not.", "It was fine. . . .|But then it was not.")]
    // list numbers
    [InlineData("1. The GOP is fracturing. Few noticed.", "1. The GOP is fracturing.|Few noticed.")]
    [InlineData("He was born in 1946. 12 people came.", "He was born in 1946.|12 people came.")]
    // ! and ?
    [InlineData("Who knew? Nobody did! It was a surprise.", "Who knew?|Nobody did!|It was a surprise.")]
    // headlines and paragraphs
    [InlineData("Talks resume in Geneva\n\nDiplomats met on Monday. They agreed.", "Talks resume in Geneva|Diplomats met on Monday.|They agreed.")]
    [InlineData("Talks resume in Geneva\nDiplomats met on Monday.", "Talks resume in Geneva|Diplomats met on Monday.")]
    [InlineData("• Harbor Wire\n\n\nThe port reopened on Friday.", "• Harbor Wire|The port reopened on Friday.")]
    [InlineData("First paragraph here.\r\n\r\nSecond one.", "First paragraph here.|Second one.")]
    [InlineData("Editor’s note: the senator regularly\nincites crowds.", "Editor’s note: the senator regularly\nincites crowds.")]
    [InlineData(
        "Diplomats from both countries met in Geneva on Monday to discuss\nthe ceasefire, which has held since March, and agreed to meet\nagain next week. The talks were described as constructive by\nofficials on both sides of the table who spoke afterwards.",
        "Diplomats from both countries met in Geneva on Monday to discuss\nthe ceasefire, which has held since March, and agreed to meet\nagain next week.|The talks were described as constructive by\nofficials on both sides of the table who spoke afterwards.")]
    // wire datelines
    [InlineData("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP) —|The Senate voted on Tuesday.")]
    [InlineData("Hong Kong (AFP) – Markets fell.", "Hong Kong (AFP) –|Markets fell.")]
    [InlineData("The Senate (AP) voted.", "The Senate (AP) voted.")]
    public void Process_CaseTable_SplitsAsACarefulReader(string text, string expected)
    {
        var document = Segment(text);
        Assert.Equal(expected.Split('|'), SentenceTexts(document));
    }

    [Fact]
    public void Process_WireStory_SplitsSentencesAndParagraphs()
    {
        var document = Segment(Wire);
        Assert.Equal(
            [
                "• Harbor Wire",
                "GENEVA (Harbor Wire) —",
                "Negotiators from both sides met for six hours on Tuesday, officials said.",
                "Mr. Alvarez, a former U.S. ambassador, arrived at 9 a.m. Monday.",
                "He left by 2 p.m.",
                "The talks — the third round since Jan. 12 — covered $1.2 billion in aid and a 3.5% tariff.",
                "“We came to listen.",
                "We will answer tomorrow,” the envoy told reporters.",
                "“Why now?” Ms. Ortiz asked.",
                "Nobody answered...",
                "A spokesman for Acme Corp. in Washington said the firm’s shares didn’t move.",
                "Independent journalism has never been more important.",
                "By subscribing, you help us keep reporters in the field.",
            ],
            SentenceTexts(document));
        Assert.Equal([0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 6], document.Sentences.Select(s => s.Paragraph));
        Assert.Equal(7, document.Paragraphs.Count);
    }

    public static TheoryData<string> OffsetTexts() => new()
    {
        Wire,
        "  Leading spaces. And trailing ones.  \n\n\n  Indented paragraph “with quotes…” — and dashes.\r\n",
        "No punctuation at all",
        "Kim’s rivals’ O’Brien didn’t U.S.-led 12-year-old $1,200.50 3.5% COVID-19 . . . end",
        "🙂 emoji and symbols © ® ™ + = < > / \\ | ~ ^ #tag @user",
        "\n\n\n",
        "",
    };

    [Theory]
    [MemberData(nameof(OffsetTexts))]
    public void Process_AnyText_SpansAreExactOrderedAndNested(string text)
    {
        var document = Segment(text);
        var previousEnd = 0;
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var sentence = document.Sentences[i];
            Assert.Equal(i, sentence.Index);
            Assert.True(sentence.Span.Start >= previousEnd && !sentence.Span.IsEmpty, $"sentence {i} {sentence.Span} overlaps or is empty");
            Assert.Equal(text.Substring(sentence.Span.Start, sentence.Span.Length), document.Slice(sentence.Span).ToString());
            Assert.False(char.IsWhiteSpace(text[sentence.Span.Start]) || char.IsWhiteSpace(text[sentence.Span.End - 1]), $"sentence {i} is not trimmed");
            Assert.True(document.Paragraphs[sentence.Paragraph].Span.Contains(sentence.Span), $"sentence {i} is outside its paragraph");
            previousEnd = sentence.Span.End;

            var tokens = document.TokensOf(sentence);
            var covered = new bool[sentence.Span.Length];
            var tokenEnd = sentence.Span.Start;
            foreach (var token in tokens)
            {
                Assert.True(sentence.Span.Contains(token.Span) && !token.Span.IsEmpty, $"token {token.Span} lies outside sentence {i}");
                Assert.True(token.Span.Start >= tokenEnd, $"token {token.Span} overlaps the one before");
                tokenEnd = token.Span.End;
                for (var k = token.Span.Start; k < token.Span.End; k++)
                {
                    covered[k - sentence.Span.Start] = true;
                }
            }

            for (var k = 0; k < covered.Length; k++)
            {
                Assert.True(covered[k] || char.IsWhiteSpace(text[sentence.Span.Start + k]), $"character {sentence.Span.Start + k} belongs to no token");
            }
        }

        Assert.Equal(document.Tokens.Count, document.Sentences.Sum(s => s.TokenCount));
        var expectedFirst = 0;
        foreach (var sentence in document.Sentences)
        {
            Assert.Equal(expectedFirst, sentence.FirstToken);
            expectedFirst += sentence.TokenCount;
        }
    }

    [Fact]
    public void Process_BlankText_NoSentences()
    {
        var document = Segment("  \n\n \t ");
        Assert.Empty(document.Sentences);
        Assert.Empty(document.Paragraphs);
    }
}
