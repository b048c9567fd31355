namespace Tacitus.Syntax.Entities;

/// <summary>
/// What the first pass of a two-pass entity model keeps of one document for the second (<see cref="EntityModel.SharesStaticScores"/>):
/// each token's class, its word's lower-case and shape hashes, the document's votes, and the second perceptron's sums of its static keys
/// (<see cref="BilouTags.Count"/> per token), indexed by the document's token numbers. The second pass then reads a
/// sentence without preparing it again or scoring its static keys again. Buffers grow by a quarter and are kept: one
/// instance per thread (<see cref="ForDocument"/>), so a document allocates nothing once they are large enough; a
/// document longer than <see cref="KeptTokens"/> gets its own instance, dropped with it, so one huge document does not
/// pin its buffers to the thread.
/// </summary>
internal sealed class FirstPassKeep
{
    [ThreadStatic]
    private static FirstPassKeep? current;

    public int[] Tags { get; private set; } = [];

    public ulong[] Lower { get; private set; } = [];

    public ulong[] Shape { get; private set; } = [];

    public float[] Scores { get; private set; } = [];

    /// <summary>The longest document whose buffers a thread keeps for the next (about 5 MB of buffers).</summary>
    public const int KeptTokens = 65_536;

    /// <summary>
    /// An instance begun for a document of <paramref name="tokens"/> tokens (<see cref="Begin"/>): this thread's, made
    /// on first use, or, above <see cref="KeptTokens"/>, one of the document's own.
    /// </summary>
    public static FirstPassKeep ForDocument(int tokens)
    {
        var keep = tokens > KeptTokens ? new FirstPassKeep() : current ??= new FirstPassKeep();
        keep.Begin(tokens);
        return keep;
    }

    /// <summary>The document's votes (<see cref="DocumentVotes"/>), kept with their room from document to document.</summary>
    public DocumentVotes Votes { get; } = new();

    /// <summary>Starts a document of <paramref name="tokens"/> tokens: no votes, room enough (the values left are the previous document's).</summary>
    private void Begin(int tokens)
    {
        Votes.Clear();
        if (Tags.Length >= tokens)
        {
            return;
        }

        var size = Math.Max(256, tokens + (tokens / 4));
        Tags = new int[size];
        Lower = new ulong[size];
        Shape = new ulong[size];
        Scores = new float[size * BilouTags.Count];
    }

    /// <summary>The kept scores of the tokens from <paramref name="first"/>, <paramref name="count"/> of them.</summary>
    public Span<float> ScoresOf(int first, int count) => Scores.AsSpan(first * BilouTags.Count, count * BilouTags.Count);

    /// <summary>Keeps a prepared sentence's hashes, its first token being the document's <paramref name="first"/>.</summary>
    public void Keep(EntitySentence sentence, int first)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        sentence.Lower.AsSpan(0, sentence.Count).CopyTo(Lower.AsSpan(first));
        sentence.Shape.AsSpan(0, sentence.Count).CopyTo(Shape.AsSpan(first));
    }

    /// <summary>Makes <paramref name="sentence"/> the kept sentence of <paramref name="count"/> tokens from <paramref name="first"/> (<see cref="EntitySentence.Restore"/>).</summary>
    public void Restore(EntitySentence sentence, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        sentence.Restore(Lower.AsSpan(first, count), Shape.AsSpan(first, count));
    }
}
