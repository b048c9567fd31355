namespace Tacitus.Syntax.Parsing;

/// <summary>
/// A configuration of the arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the
/// buffer (Ballesteros &amp; Nivre 2013): a stack, the next buffer word <see cref="Buffer"/> (word
/// <see cref="Count"/> is the root), the arcs made so far and, per word, its outermost children and valency for
/// the features. Reused between sentences (<see cref="Reset"/>) so parsing allocates nothing per word. The same
/// configuration also serves the non-monotonic arc-eager system (<see cref="TransitionSystem.NonMonotonicArcEager"/>:
/// <see cref="RightEager"/>, <see cref="LeftEager"/>, <see cref="Reduce"/>), whose Unshift puts stack words back in
/// front of the buffer (<see cref="FrontDepth"/>); the arc-hybrid moves never do, so their buffer stays contiguous.
/// </summary>
internal sealed class ParserState
{
    public const int None = -1;

    private int[] stack = new int[64];
    private int[] front = new int[64];
    private int next;

    public int Count { get; private set; }

    public int Depth { get; private set; }

    /// <summary>The next word of the buffer; <see cref="Count"/> when only the root is left.</summary>
    public int Buffer => FrontDepth == 0 ? next : front[FrontDepth - 1];

    /// <summary>How many unshifted words stand in front of the contiguous rest of the buffer (arc-eager only).</summary>
    public int FrontDepth { get; private set; }

    /// <summary>Per word, whether Unshift put it back in the buffer (it may then not be shifted again, but from an empty stack).</summary>
    public bool[] Unshifted { get; private set; } = new bool[64];

    public int[] Heads { get; private set; } = new int[64];

    public int[] Labels { get; private set; } = new int[64];

    public int[] LeftMost { get; private set; } = new int[64];

    public int[] LeftSecond { get; private set; } = new int[64];

    public int[] RightMost { get; private set; } = new int[64];

    public int[] RightSecond { get; private set; } = new int[64];

    public int[] LeftValency { get; private set; } = new int[64];

    public int[] RightValency { get; private set; } = new int[64];

    /// <summary>Per word, the set of labels of its left (resp. right) children as bits (label mod 64).</summary>
    public ulong[] LeftLabels { get; private set; } = new ulong[64];

    public ulong[] RightLabels { get; private set; } = new ulong[64];

    public bool IsTerminal => Buffer == Count && Depth == 0;

    public int Stack(int k) => k < Depth ? stack[Depth - 1 - k] : None;

    /// <summary>The k-th buffer word (0: <see cref="Buffer"/>), the root (<see cref="Count"/>) last; <see cref="None"/> past the root.</summary>
    public int BufferAt(int k)
    {
        if (k < FrontDepth)
        {
            return front[FrontDepth - 1 - k];
        }

        var i = next + k - FrontDepth;
        return i <= Count ? i : None;
    }

    public void Reset(int count)
    {
        Count = count;
        Depth = 0;
        next = 0;
        FrontDepth = 0;
        var size = count + 1;
        Reserve(size);
        Array.Clear(Unshifted, 0, size);
        Array.Fill(Heads, None, 0, size);
        Array.Fill(Labels, None, 0, size);
        Array.Fill(LeftMost, None, 0, size);
        Array.Fill(LeftSecond, None, 0, size);
        Array.Fill(RightMost, None, 0, size);
        Array.Fill(RightSecond, None, 0, size);
        Array.Clear(LeftValency, 0, size);
        Array.Clear(RightValency, 0, size);
        Array.Clear(LeftLabels, 0, size);
        Array.Clear(RightLabels, 0, size);
    }

    /// <summary>Makes this state the same configuration as <paramref name="other"/> (a beam's successor starts as a copy of its parent).</summary>
    public void CopyFrom(ParserState other)
    {
        Count = other.Count;
        Depth = other.Depth;
        next = other.next;
        FrontDepth = other.FrontDepth;
        var size = Count + 1;
        Reserve(size);
        other.stack.AsSpan(0, Depth).CopyTo(stack);
        other.front.AsSpan(0, FrontDepth).CopyTo(front);
        other.Unshifted.AsSpan(0, size).CopyTo(Unshifted);
        other.Heads.AsSpan(0, size).CopyTo(Heads);
        other.Labels.AsSpan(0, size).CopyTo(Labels);
        other.LeftMost.AsSpan(0, size).CopyTo(LeftMost);
        other.LeftSecond.AsSpan(0, size).CopyTo(LeftSecond);
        other.RightMost.AsSpan(0, size).CopyTo(RightMost);
        other.RightSecond.AsSpan(0, size).CopyTo(RightSecond);
        other.LeftValency.AsSpan(0, size).CopyTo(LeftValency);
        other.RightValency.AsSpan(0, size).CopyTo(RightValency);
        other.LeftLabels.AsSpan(0, size).CopyTo(LeftLabels);
        other.RightLabels.AsSpan(0, size).CopyTo(RightLabels);
    }

    private void Reserve(int size)
    {
        if (Heads.Length < size)
        {
            var capacity = Math.Max(size, Heads.Length * 2);
            stack = new int[capacity];
            front = new int[capacity];
            Unshifted = new bool[capacity];
            Heads = new int[capacity];
            Labels = new int[capacity];
            LeftMost = new int[capacity];
            LeftSecond = new int[capacity];
            RightMost = new int[capacity];
            RightSecond = new int[capacity];
            LeftValency = new int[capacity];
            RightValency = new int[capacity];
            LeftLabels = new ulong[capacity];
            RightLabels = new ulong[capacity];
        }
    }

    public bool CanShift => Buffer < Count;

    /// <summary>LEFT: s0 becomes a dependent of b0 (of the root only when s0 is the last word on the stack).</summary>
    public bool CanLeft => Depth > 0 && (Buffer < Count || Depth == 1);

    /// <summary>RIGHT: s0 becomes a dependent of s1.</summary>
    public bool CanRight => Depth > 1;

    public void Shift()
    {
        if (FrontDepth == 0)
        {
            stack[Depth++] = next++;
        }
        else
        {
            stack[Depth++] = front[--FrontDepth];
        }
    }

    public void Left(int label) => Attach(stack[--Depth], Buffer, label);

    public void Right(int label)
    {
        var dependent = stack[--Depth];
        Attach(dependent, stack[Depth - 1], label);
    }

    /// <summary>Arc-eager RIGHT: b0 becomes a dependent of s0 and is pushed onto the stack.</summary>
    public void RightEager(int label)
    {
        Attach(Buffer, stack[Depth - 1], label);
        Shift();
    }

    /// <summary>
    /// Non-monotonic arc-eager LEFT: s0 becomes a dependent of b0 and is popped; a head s0 already had (a word below it
    /// on the stack, by an earlier RIGHT) is taken away first (Honnibal, Goldberg &amp; Johnson 2013).
    /// </summary>
    public void LeftEager(int label)
    {
        var dependent = stack[--Depth];
        if (Heads[dependent] != None)
        {
            Detach(dependent);
        }

        Attach(dependent, Buffer, label);
    }

    /// <summary>
    /// Arc-eager REDUCE: pops s0 when it has a head; a headless s0 is unshifted instead, back to the front of the buffer
    /// (Honnibal &amp; Johnson 2015), where a word below it can still take it as a dependent or become one of it.
    /// </summary>
    public void Reduce()
    {
        var word = stack[--Depth];
        if (Heads[word] == None)
        {
            front[FrontDepth++] = word;
            Unshifted[word] = true;
        }
    }

    /// <summary>Takes a right dependent away from its head (only LEFT re-attaches one) and recounts the head's right children.</summary>
    private void Detach(int dependent)
    {
        var head = Heads[dependent];
        Heads[dependent] = None;
        Labels[dependent] = None;
        RightMost[head] = None;
        RightSecond[head] = None;
        RightValency[head] = 0;
        RightLabels[head] = 0;
        for (var d = head + 1; d < Count; d++)
        {
            if (Heads[d] == head)
            {
                RightValency[head]++;
                RightLabels[head] |= 1UL << (Labels[d] & 63);
                RightSecond[head] = RightMost[head];
                RightMost[head] = d;
            }
        }
    }

    private void Attach(int dependent, int head, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        var bit = 1UL << (label & 63);
        if (dependent < head)
        {
            LeftValency[head]++;
            LeftLabels[head] |= bit;
            if (LeftMost[head] == None || dependent < LeftMost[head])
            {
                LeftSecond[head] = LeftMost[head];
                LeftMost[head] = dependent;
            }
            else if (LeftSecond[head] == None || dependent < LeftSecond[head])
            {
                LeftSecond[head] = dependent;
            }
        }
        else
        {
            RightValency[head]++;
            RightLabels[head] |= bit;
            if (RightMost[head] == None || dependent > RightMost[head])
            {
                RightSecond[head] = RightMost[head];
                RightMost[head] = dependent;
            }
            else if (RightSecond[head] == None || dependent > RightSecond[head])
            {
                RightSecond[head] = dependent;
            }
        }
    }
}
