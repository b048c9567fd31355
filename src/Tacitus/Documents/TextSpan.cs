namespace Tacitus.Documents;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 code units in a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);

    public string TextOf(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}
