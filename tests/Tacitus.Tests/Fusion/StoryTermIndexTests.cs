using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

/// <summary>The in-memory index of story terms: the candidates SQLite would give, bounded, and "cannot say" when it dropped what a query needs.</summary>
public sealed class StoryTermIndexTests
{
    private static StoryTermIndex Index(int postingLimit = 2, int maxPostings = 1000, params (string Term, long Story, double Weight, int? LastDay)[] postings)
    {
        var index = new StoryTermIndex(postingLimit, maxPostings);
        foreach (var (term, story, weight, lastDay) in postings)
        {
            index.Set(term, story, weight, lastDay);
            index.Joined(story, 1.0, null);
        }

        return index;
    }

    public static TheoryData<int?, long[]> WindowCases() => new()
    {
        { null, [2, 3, 4] }, // undated document: the three most recent stories with the term
        { 100, [2, 3, 4] },  // story 1 closed (last day 90)
        { 106, [3, 4] },     // story 2 closed too (last day 105); story 4 is undated, so always open
        { 120, [4] },
    };

    [Theory]
    [MemberData(nameof(WindowCases))]
    public void Candidates_PostingLimitAndWindow_MostRecentOpenStories(int? since, long[] expected)
    {
        var index = Index(3, 1000, ("wheat", 1, 1.0, 90), ("wheat", 2, 1.0, 105), ("wheat", 3, 1.0, 110), ("wheat", 4, 1.0, null));

        var found = index.Candidates(["wheat"], [1.0], since);

        Assert.NotNull(found);
        Assert.Equal(expected, found.Keys.Order());
    }

    [Fact]
    public void Candidates_SharedTerms_SumsWeightProducts()
    {
        var index = Index(4, 1000, ("wheat", 1, 2.0, null), ("harvest", 1, 3.0, null), ("wheat", 2, 1.0, null));

        var found = index.Candidates(["wheat", "harvest", "rain"], [0.5, 0.25, 1.0], null);

        Assert.NotNull(found);
        Assert.Equal(1.75, found[1].Dot, 12);
        Assert.Equal(0.5, found[2].Dot, 12);
    }

    [Fact]
    public void Candidates_TermDroppedPostingsAndTooFewOpenKept_CannotSay()
    {
        // two per query, so four kept per term: the fifth story drops story 1
        var index = Index(2, 1000, ("wheat", 1, 1.0, 200), ("wheat", 2, 1.0, 10), ("wheat", 3, 1.0, 10), ("wheat", 4, 1.0, 10), ("wheat", 5, 1.0, 10));

        Assert.Null(index.Candidates(["wheat"], [1.0], 100));
        Assert.Equal([4L, 5L], index.Candidates(["wheat"], [1.0], null)!.Keys.OrderBy(k => k));
    }

    [Fact]
    public void Set_StoryNoNewerThanADroppedOne_StaysOut()
    {
        var index = Index(1, 1000, ("wheat", 1, 1.0, null), ("wheat", 2, 1.0, null), ("wheat", 3, 1.0, null));
        index.Set("rain", 1, 1.0, null);
        index.Set("wheat", 1, 5.0, null);

        var found = index.Candidates(["wheat", "rain"], [1.0, 1.0], null);

        Assert.NotNull(found);
        Assert.Equal(1.0, found[1].Dot, 12);
    }

    [Fact]
    public void Set_MorePostingsThanTheBound_OldestStoriesLeave()
    {
        var index = Index(2, 4, ("wheat", 1, 1.0, null), ("rain", 1, 1.0, null), ("wheat", 2, 1.0, null), ("rain", 2, 1.0, null), ("wheat", 3, 1.0, null));

        Assert.Equal([2L, 3L], index.Candidates(["wheat"], [1.0], null)!.Keys.OrderBy(k => k));
        Assert.Null(index.Candidates(["rain"], [1.0], null));
    }

    [Fact]
    public void Pruned_RemovedTerm_StoryNoLongerACandidateThroughIt()
    {
        var index = Index(2, 1000, ("wheat", 1, 1.0, null), ("rain", 1, 1.0, null));

        index.Pruned(1, ["rain"], 1.0);

        Assert.Empty(index.Candidates(["rain"], [1.0], null)!);
        Assert.Single(index.Candidates(["wheat"], [1.0], null)!);
    }
}
