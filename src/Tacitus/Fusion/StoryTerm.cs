namespace Tacitus.Fusion;

/// <summary>One term of a story's centroid: its summed weight and the latest day the story had when the term was dated (null: never dated, always open).</summary>
internal sealed class StoryTerm(string term, long story, double weight, int? lastDay)
{
    public string Term { get; } = term;

    public long Story { get; } = story;

    public double Weight { get; set; } = weight;

    public int? LastDay { get; set; } = lastDay;
}
