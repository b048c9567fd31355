using Tacitus.Syntax.Entities;
using Xunit;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class FirstPassKeepTests
{
    [Fact]
    public void ForDocument_ShortDocuments_ThisThreadsInstanceGrownByAQuarter()
    {
        // one more token than this thread's buffers hold (another test may have grown them), always under the limit
        var first = FirstPassKeep.ForDocument(10);
        var tokens = Math.Max(first.Tags.Length + 1, 1000);
        var grown = FirstPassKeep.ForDocument(tokens);

        Assert.Same(first, grown);
        Assert.Equal(tokens + (tokens / 4), grown.Tags.Length);
        Assert.Equal((tokens + (tokens / 4)) * BilouTags.Count, grown.Scores.Length);
    }

    [Fact]
    public void ForDocument_LongerThanKept_OwnInstanceThreadsKept()
    {
        var threads = FirstPassKeep.ForDocument(10);
        var huge = FirstPassKeep.ForDocument(FirstPassKeep.KeptTokens + 1);
        var after = FirstPassKeep.ForDocument(10);

        Assert.NotSame(threads, huge);
        Assert.True(huge.Tags.Length > FirstPassKeep.KeptTokens);
        Assert.Same(threads, after);
        Assert.True(after.Tags.Length <= FirstPassKeep.KeptTokens + (FirstPassKeep.KeptTokens / 4));
    }
}
