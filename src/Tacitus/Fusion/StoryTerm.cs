namespace Tacitus.Fusion;

/// <summary>One term of a story's centroid: its summed weight and the latest day the story had when the term was dated (null: never dated, always open).</summary>
internal sealed class StoryTerm(string term, OpenStory owner, double weight, int? lastDay)
{
    public string Term { get; } = term;

    /// <summary>The story whose centroid has the term (a posting leads straight to it, with no look-up by id).</summary>
    public OpenStory Owner { get; } = owner;

    /// <summary>The owner's id, kept on the term: the posting lists are searched by it, and reading it here saves a step to the story.</summary>
    public long Story { get; } = owner.Id;

    public double Weight { get; set; } = weight;

    public int? LastDay { get; set; } = lastDay;

    /// <summary>The posting list the term is in while its story is open (<see cref="OpenStoryIndex.Post"/>), so taking it out needs no look-up by term.</summary>
    internal List<StoryTerm>? Postings { get; set; }

    /// <summary>How a title shows the term (the frequency table's first form seen); null until looked up, for a term read back from the store.</summary>
    public string? Display { get; set; }
}
