using Tacitus.Documents;
using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class TokenizerTests
{
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens;
    }

    [Theory]
    [InlineData("Kim’s visit", "Kim ’s visit")]
    [InlineData("Trump's team didn't go", "Trump 's team did n't go")]
    [InlineData("they're we'll I'm she'd we've", "they 're we 'll I 'm she 'd we 've")]
    [InlineData("O’Brien and D'Souza", "O’Brien and D'Souza")]
    [InlineData("analysts’ view", "analysts ’ view")]
    [InlineData("high-speed Jae-in COVID-19 12-year-old", "high-speed Jae-in COVID-19 12-year-old")]
    [InlineData("$1.2 billion, 3.5% and 1,200 at 2:30 on 1/9/2019", "$ 1.2 billion , 3.5 % and 1,200 at 2:30 on 1/9/2019")]
    [InlineData("$1.13bn (£600m) 35th 1990s", "$ 1.13 bn ( £ 600 m ) 35th 1990s")]
    [InlineData("the U.S. and 2 p.m. J.K. Rowling e.g. this", "the U.S. and 2 p.m. J.K. Rowling e.g. this")]
    [InlineData("Mr. Lee of Acme Corp. said Jan. 9", "Mr. Lee of Acme Corp. said Jan. 9")]
    [InlineData("No. 10 but he said no.", "No. 10 but he said no .")]
    [InlineData("John F. Kennedy", "John F. Kennedy")]
    [InlineData("wait... what — now -- then …", "wait ... what — now -- then …")]
    [InlineData("see bbc.co.uk now.", "see bbc.co.uk now .")]
    [InlineData("“Yes,” he said.", "“ Yes , ” he said .")]
    [InlineData("We cannot wait, Cannot stop, gonna go, wanna see, gotta run", "We can not wait , Can not stop , gon na go , wan na see , got ta run")]
    [InlineData("cannoted gonnas", "cannoted gonnas")]
    public void Tokenize_CaseTable_SplitsAsExpected(string text, string expected)
    {
        var tokens = Tokenize(text).Select(t => t.Span.TextOf(text));
        Assert.Equal(expected.Split(' '), tokens);
    }

    [Fact]
    public void Tokenize_MixedText_AssignsKinds()
    {
        const string text = "Kim paid $5 (3.5%) in 2019.";
        var kinds = Tokenize(text).Select(t => t.Kind);
        Assert.Equal(
            [TokenKind.Word, TokenKind.Word, TokenKind.Symbol, TokenKind.Number, TokenKind.Punctuation, TokenKind.Number, TokenKind.Symbol, TokenKind.Punctuation, TokenKind.Word, TokenKind.Number, TokenKind.Punctuation],
            kinds);
    }

    [Fact]
    public void Tokenize_Subspan_OffsetsReferToWholeText()
    {
        const string text = "Ignore this. Kim’s turn.";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(13, text.Length), tokens);
        Assert.Equal(["Kim", "’s", "turn", "."], tokens.Select(t => t.Span.TextOf(text)));
        Assert.Equal(13, tokens[0].Span.Start);
    }

    [Fact]
    public void Tokenize_SurrogatePair_IsOneSymbol()
    {
        var tokens = Tokenize("ok 🙂");
        Assert.Equal(2, tokens.Count);
        Assert.Equal(TokenKind.Symbol, tokens[1].Kind);
        Assert.Equal(2, tokens[1].Span.Length);
    }
}
