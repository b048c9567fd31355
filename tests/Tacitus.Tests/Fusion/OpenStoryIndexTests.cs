using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

/// <summary>The open stories in memory: candidates by term (most recent open stories first), and stories closing by order of arrival.</summary>
public sealed class OpenStoryIndexTests
{
    private static OpenStoryIndex Index(int postingLimit, long closeAfter, params (long Story, long Arrival, (string Term, double Weight, int? LastDay)[] Terms)[] stories)
    {
        var index = new OpenStoryIndex(postingLimit, closeAfter);
        foreach (var (id, arrival, terms) in stories)
        {
            var story = new OpenStory(id) { LastArrival = arrival, Norm2 = 1.0 };
            story.Terms.AddRange(terms.OrderBy(t => t.Term, StringComparer.Ordinal).Select(t => new StoryTerm(t.Term, story, t.Weight, t.LastDay)));
            index.Add(story);
            index.Joined(story, arrival);
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
        var index = Index(3, 1000, (1, 1, [("wheat", 1.0, 90)]), (2, 2, [("wheat", 1.0, 105)]), (3, 3, [("wheat", 1.0, 110)]), (4, 4, [("wheat", 1.0, null)]));

        var found = index.Candidates(["wheat"], [1.0], since);

        Assert.Equal(expected, found.Select(f => f.Story).Order());
    }

    [Fact]
    public void Candidates_SharedTerms_SumsWeightProducts()
    {
        var index = Index(4, 1000, (1, 1, [("wheat", 2.0, null), ("harvest", 3.0, null)]), (2, 2, [("wheat", 1.0, null)]));

        var found = index.Candidates(["wheat", "harvest", "rain"], [0.5, 0.25, 1.0], null);

        Assert.Equal(1.75, found.Single(f => f.Story == 1).Dot, 12);
        Assert.Equal(0.5, found.Single(f => f.Story == 2).Dot, 12);
    }

    public static TheoryData<long, long[]> ArrivalCases() => new()
    {
        { 10, [1, 2, 3] }, // nothing has waited ten arrivals
        { 3, [2, 3] },     // story 1 (arrival 2) is three arrivals behind story 3's arrival 5: closed
        { 2, [3] },        // story 2 (arrival 3) closes too
    };

    [Theory]
    [MemberData(nameof(ArrivalCases))]
    public void Joined_StoriesNotJoinedForCloseAfterArrivals_Close(long closeAfter, long[] open)
    {
        var index = Index(8, closeAfter, (1, 2, [("wheat", 1.0, null)]), (2, 3, [("wheat", 1.0, null)]), (3, 5, [("wheat", 1.0, null), ("rain", 1.0, null)]));

        Assert.Equal(open, index.Candidates(["wheat"], [1.0], null).Select(f => f.Story).Order());
        Assert.Equal(open.Length, index.Count);
        Assert.Equal(open.Length + 1, index.Postings);
        Assert.Equal(open.Contains(1), index.Find(1) is not null);
    }

    [Fact]
    public void Joined_OldStoryJoinedAgain_StaysOpenAndOthersClose()
    {
        var index = Index(8, 2, (1, 1, [("wheat", 1.0, null)]), (2, 2, [("wheat", 1.0, null)]));

        index.Joined(index.Find(1)!, 3);
        index.Joined(index.Find(1)!, 4);

        Assert.Equal([1L], index.Candidates(["wheat"], [1.0], null).Select(f => f.Story));
    }

    [Fact]
    public void Unpost_PrunedTerm_StoryNoLongerACandidateThroughIt()
    {
        var index = Index(2, 1000, (1, 1, [("wheat", 1.0, null), ("rain", 1.0, null)]));
        var story = index.Find(1)!;

        index.Unpost(story.Terms[story.Find("rain")]);

        Assert.Empty(index.Candidates(["rain"], [1.0], null));
        Assert.Single(index.Candidates(["wheat"], [1.0], null));
    }

    [Fact]
    public void Candidates_ScoredAgain_SumsStartAfresh()
    {
        var index = Index(4, 1000, (1, 1, [("wheat", 2.0, null), ("harvest", 3.0, null)]));

        index.Candidates(["wheat", "harvest"], [1.0, 1.0], null);
        var again = index.Candidates(["harvest"], [0.5], null);

        Assert.Equal(1.5, Assert.Single(again).Dot, 12);
    }
}
